export interface TreeFolder {
  name: string;
  path: string;
  folders: TreeFolder[];
  files: { name: string; path: string }[];
}

/** Folders first, then files, each sorted by name: the order file managers use. */
export function buildTree(paths: readonly string[]): TreeFolder {
  const root: TreeFolder = { name: '', path: '', folders: [], files: [] };
  for (const path of paths) {
    const parts = path.split('/').filter((part) => part !== '');
    let folder = root;
    parts.slice(0, -1).forEach((part, index) => {
      let next = folder.folders.find((f) => f.name === part);
      if (next === undefined) {
        next = { name: part, path: parts.slice(0, index + 1).join('/'), folders: [], files: [] };
        folder.folders.push(next);
      }
      folder = next;
    });
    const name = parts[parts.length - 1];
    if (name !== undefined) folder.files.push({ name, path });
  }
  const sort = (folder: TreeFolder): void => {
    folder.folders.sort((a, b) => a.name.localeCompare(b.name));
    folder.files.sort((a, b) => a.name.localeCompare(b.name));
    folder.folders.forEach(sort);
  };
  sort(root);
  return root;
}
