// A CommonJS consumer of the generated package: require() (no import()), one real call.
// Arguments: <package folder> <base URL> <token>. Prints one JSON line.
const [dir, baseUrl, token] = process.argv.slice(2);
const sdk = require(dir);
const client = new sdk.Platforms({ baseUrl, auth: { token }, logLevel: 'off' });
client.pets
  .get({ petId: '3' })
  .then(async (pet) => {
    const missing = await client.pets.get({ petId: 'missing' }).catch((error) => error);
    console.log(JSON.stringify({ node: process.version, pet, notFound: missing instanceof sdk.NotFoundError }));
    await client.close();
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
