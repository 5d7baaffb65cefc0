/** The commands of `npm run demo`: the arguments of `deliverykit`, for every vendor and channel folder of examples/payloads/. */
export declare const demoCommands: () => ReadonlyArray<ReadonlyArray<string>>
