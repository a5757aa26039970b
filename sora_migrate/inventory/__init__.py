"""Organisation-wide inventory: reports of many repositories or of the shards of one tree,
merged (`merge`), the scans of many repositories on one machine (`fleet`), and their formats."""
