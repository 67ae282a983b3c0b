/*
 * Uppföljning's first script in the task pane, written in ECMAScript 5 so that every webview Office may use can run
 * it (a test parses it with acorn, ecmaVersion 5). The add-in itself (taskpane.js) is ECMAScript 2020: its exact
 * decimal arithmetic needs BigInt. Microsoft, "Browsers and webview controls used by Office Add-ins": volume-licensed
 * Office through 2019, and Office without WebView2, runs add-ins in Trident (Internet Explorer 11) or EdgeHTML, and
 * "Trident+ doesn't support JavaScript versions later than ES5"; Safari before 14 has no BigInt. There taskpane.js
 * does not even parse, and the pane would say "Söker indataområden …" for ever. Microsoft recommends "providing users
 * of your add-in a graceful failure message when your add-in is launched in these webviews" (Support older Microsoft
 * webviews and Office versions). This script gives it, in Swedish, and makes the ribbon buttons open the pane with it
 * instead of doing nothing. In every other webview it does nothing visible.
 */
(function () {
  "use strict";
  var w = window;
  var MESSAGE =
    "Uppföljning kan inte starta i den här versionen av Excel. Den visar tillägg med en äldre webbläsarmotor " +
    "(Internet Explorer eller den gamla Edge), som inte kan köra tillägget. Uppföljning fungerar i Excel i " +
    "Microsoft 365 för Windows (version 2101 eller senare, med Microsoft Edge WebView2), Excel 2021 och senare, " +
    "Excel på webben och Excel för Mac med Safari 14 eller senare. Excel 2016 och 2019 med volymlicens fungerar inte. " +
    "Be IT-avdelningen om en nyare Excel, eller öppna arbetsboken i Excel på webben.";
  var COMMANDS = ["refreshReport", "createTemplate", "createLedgerTemplate"];
  var failed = false;

  /** What taskpane.js needs beyond ES5 syntax: BigInt above all; the syntax itself is caught when it fails to parse. */
  function capable() {
    try {
      return (
        typeof BigInt === "function" &&
        typeof Promise === "function" &&
        typeof Map === "function" &&
        typeof Set === "function" &&
        typeof Symbol === "function" &&
        typeof Object.fromEntries === "function" &&
        typeof Array.prototype.flatMap === "function" &&
        typeof String.prototype.padStart === "function" &&
        typeof globalThis === "object"
      );
    } catch (e) {
      return false;
    }
  }

  function show() {
    var status = document.getElementById("status");
    if (status) {
      status.textContent = MESSAGE;
      status.className = "bad";
    }
    var inputs = document.getElementById("inputs");
    if (inputs) {
      while (inputs.firstChild) inputs.removeChild(inputs.firstChild);
      var li = document.createElement("li");
      li.className = "muted";
      li.textContent = "Indata kan inte läsas i den här versionen av Excel.";
      inputs.appendChild(li);
    }
    var buttons = document.getElementsByTagName("button");
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
  }

  /** The ribbon's functions: open the pane, where the message is, and complete the event. */
  function commandsOpenPane() {
    var office = w.Office;
    if (!office || !office.actions || typeof office.actions.associate !== "function") return;
    var openPane = function (event) {
      try {
        if (office.addin && typeof office.addin.showAsTaskpane === "function") office.addin.showAsTaskpane();
      } catch (e) {
        // Nothing more can be shown from a ribbon command.
      }
      if (event && typeof event.completed === "function") event.completed();
    };
    for (var i = 0; i < COMMANDS.length; i++) office.actions.associate(COMMANDS[i], openPane);
  }

  function fail() {
    if (failed || w.uppfoljningStarted) return;
    failed = true;
    w.uppfoljningUnsupported = true;
    commandsOpenPane();
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
  }

  if (!capable()) fail();
  // taskpane.js failing to parse (or to start) reports an error; it sets uppfoljningStarted once it has started.
  w.addEventListener(
    "error",
    function (event) {
      if (event && /taskpane\.js/.test(String(event.filename || ""))) fail();
    },
    true
  );
  document.addEventListener("DOMContentLoaded", function () {
    if (!w.uppfoljningStarted) fail();
  });
})();
