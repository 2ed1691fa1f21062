"""File formats: sniffing, readers, column mapping, importer, exporters, vCard (import and
export issues)."""
