"""Windows of their own: the dashboard, GDAP, open requests, planned changes."""
