import SidemanCommands

await SidemanCommand.main()
