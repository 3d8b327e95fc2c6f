"""Items, barcodes and suppliers over the API, with their schemas."""
