//! A DPO team sharing the workspace in git (issue 11): filled by the team part.
