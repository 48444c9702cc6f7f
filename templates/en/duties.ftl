# duties: see src/render/catalog.rs. One catalog, kept in files by subject.
