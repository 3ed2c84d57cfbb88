/**
 * Helia, libp2p and friends take seconds to import; the CLI must stay quick for every other
 * command. They are loaded on first use only, and once per process.
 */
async function load() {
  const [helia, unixfs, car, ipldCar, blockstoreFs, datastoreFs, cid, block, base32, tcp, noise, yamux, identify, multiaddr] = await Promise.all([
    import('helia'),
    import('@helia/unixfs'),
    import('@helia/car'),
    import('@ipld/car'),
    import('blockstore-fs'),
    import('datastore-fs'),
    import('multiformats/cid'),
    import('multiformats/block'),
    import('multiformats/bases/base32'),
    import('@libp2p/tcp'),
    import('@chainsafe/libp2p-noise'),
    import('@chainsafe/libp2p-yamux'),
    import('@libp2p/identify'),
    import('@multiformats/multiaddr'),
  ]);
  return {
    createHelia: helia.createHelia,
    createHeliaLight: helia.createHeliaLight,
    unixfs: unixfs.unixfs,
    car: car.car,
    CarWriter: ipldCar.CarWriter,
    CarBlockIterator: ipldCar.CarBlockIterator,
    FsBlockstore: blockstoreFs.FsBlockstore,
    FsDatastore: datastoreFs.FsDatastore,
    CID: cid.CID,
    createBlock: block.create,
    base32: base32.base32,
    tcp: tcp.tcp,
    noise: noise.noise,
    yamux: yamux.yamux,
    identify: identify.identify,
    multiaddr: multiaddr.multiaddr,
  };
}

export type IpfsModules = Awaited<ReturnType<typeof load>>;

let loading: Promise<IpfsModules> | undefined;

export function ipfsModules(): Promise<IpfsModules> {
  loading ??= load();
  return loading;
}
