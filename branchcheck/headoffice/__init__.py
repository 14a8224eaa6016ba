"""Head office: its trust store of branch CAs, the verified all-or-nothing ingest of branch
upload packages, and the signed receipts it sends back (SQLite or PostgreSQL, by URL)."""
