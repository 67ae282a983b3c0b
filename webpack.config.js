/* Builds the task pane (which also hosts the ribbon commands: one shared runtime) into dist/addin. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const devServerPort = 3000;

/** The build. Under `webpack serve` (npm start) it resolves to the same config with Office's trusted dev certificates. */
module.exports = (env, argv) => {
  const config = build(argv);
  if (!env || !env.WEBPACK_SERVE) return config;
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions().then((options) => {
    config.devServer.server = { type: "https", options };
    return config;
  });
};

function build(argv) {
  const dev = argv.mode !== "production";
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
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/hosts/office/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
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
