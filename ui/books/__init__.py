"""The treasurer's screens: the shift and the drawer count, cash in/out, PromptPay tick-off, the day's
close, and exports with a progress bar (work off the GUI thread through the shell's one wrapper)."""
