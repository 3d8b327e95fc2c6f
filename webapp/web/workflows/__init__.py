"""The floor's workflow screens: task lists and task pages on the phone, the office's order, pick and count pages, label sheets."""
