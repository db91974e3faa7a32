"""Reading files into RawDocuments (readers), cleaning them into Documents (clean), language id (langid)."""
