//! Journal merges across git clones (issue 11): filled by the gitjournal part.
