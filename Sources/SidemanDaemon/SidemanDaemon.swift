// The SidemanDaemon module.
