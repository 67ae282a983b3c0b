/*
 * Builds the task pane (which also hosts the ribbon commands: one shared runtime) into dist/addin.
 *
 *   npm run build:addin                                        manifest for https://localhost:3000/ (development)
 *   npm run build:addin -- --env url=https://example.se/uppfoljning/   manifest for where IT hosts dist/addin
 *   … --env url=… --env id=<GUID>                                another add-in Id (say, a test installation)
 *
 * As Microsoft's Yeoman template does (OfficeDev/Office-Addin-TaskPane, webpack.config.js: `urlDev` replaced by
 * `urlProd` in manifest.xml when it is copied), the development address in manifest.xml is replaced by the given one.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const devServerPort = 3000;
const DEV_URL = `https://localhost:${devServerPort}/`;

/** The build. Under `webpack serve` (npm start) it resolves to the same config with Office's trusted dev certificates. */
module.exports = (env, argv) => {
  const config = build(env || {}, argv);
  if (!env || !env.WEBPACK_SERVE) return config;
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions().then((options) => {
    config.devServer.server = { type: "https", options };
    return config;
  });
};

function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * The base address the add-in is served from, checked as an administrator needs it: absolute https (Office loads
 * add-ins only over HTTPS), no user name, query or fragment, not this computer, ending in "/".
 */
function productionUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`--env url=${raw}: inte en fullständig adress (till exempel https://intranat.kommun.se/uppfoljning/).`);
  }
  if (url.protocol !== "https:") throw new Error(`--env url=${raw}: adressen måste börja med https:// (Office läser bara in tillägg över HTTPS).`);
  if (url.username || url.password || url.search || url.hash) throw new Error(`--env url=${raw}: adressen får inte ha användarnamn, ?-parametrar eller #.`);
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname)) throw new Error(`--env url=${raw}: en produktionsadress kan inte vara den egna datorn; utan --env url byggs manifestet för ${DEV_URL}.`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/**
 * manifest.xml for the add-in served from `url`: every development address replaced, the add-in's Id kept (or `id`),
 * everything else as written. Exported for the tests, which validate the result against Microsoft's XSDs.
 */
function productionManifest(xml, url, id) {
  const base = productionUrl(url);
  let out = String(xml).split(DEV_URL).join(escapeXml(base));
  if (id !== undefined) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(id))) throw new Error(`--env id=${id}: ett tilläggs-Id är en GUID, till exempel 6f1b7c2e-4a8d-4d35-9c1e-3b2a5e7d9f10.`);
    out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);
  }
  if (out.includes("localhost")) throw new Error("manifest.xml nämner localhost på fler ställen än utvecklingsadressen.");
  return out;
}

function build(env, argv) {
  const dev = argv.mode !== "production";
  const url = env.url;
  if (url !== undefined) productionUrl(url);
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/hosts/office/taskpane.ts" },
    output: { path: path.resolve(__dirname, "dist/addin"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.addin.json" } },
        },
      ],
    },
    performance: { maxAssetSize: 400 * 1024, maxEntrypointSize: 400 * 1024 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/hosts/office/taskpane.html",
        chunks: ["taskpane"],
        inject: "body",
        // Blocking, so that the ribbon's functions are associated as the page loads (office-js #2744: deferred
        // scripts made the first click do nothing).
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/hosts/office/help.html", to: "help.html" },
          // ES5, copied as written: the first script of the pane must parse in Trident (see boot.js).
          { from: "src/hosts/office/boot.js", to: "boot.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (url === undefined ? content : productionManifest(content.toString("utf8"), url, env.id)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/addin") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https" },
      port: devServerPort,
    },
  };
}

module.exports.productionManifest = productionManifest;
module.exports.DEV_URL = DEV_URL;
