"""The theme engine: model → values → resolve → emit, plus files and the library."""
