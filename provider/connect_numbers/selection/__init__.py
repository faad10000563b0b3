"""Numbers chosen by selection: a lookup over End User Messaging, and a component that imports
every selected number and never releases one that leaves the selection."""
