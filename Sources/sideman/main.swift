import SidemanCommands

/// Inside an async function the async `main` of AsyncParsableCommand is chosen; at top
/// level the compiler picks the synchronous one, which refuses an async root command.
func runSideman() async { await SidemanCommand.main() }

await runSideman()
