// Browsers come from Debian (chromium, firefox-esr); never download one at install time.
module.exports = { skipDownload: true };
