// An empty module: section 2's baseline for what any import costs in a fresh process.
export {}
