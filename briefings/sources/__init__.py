"""Readers that turn raw bytes (text files, HTML pages, feeds) into :class:`RawArticle`."""
