"""The public referencing page: a framework authority pastes its level descriptors and sees the suggestion."""
