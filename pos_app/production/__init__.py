"""Production: recipes (bills of materials, versioned), batches costed from the lots they consumed."""
