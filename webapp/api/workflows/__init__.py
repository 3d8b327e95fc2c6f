"""Floor tasks over the API: purchase orders, pick lists, counts and the actions phones queue."""
