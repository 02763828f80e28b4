// An empty package: section 2's baseline for a bare-specifier import (`import('<package>')`),
// which also resolves the name through node_modules and the package's exports map.
export {}
