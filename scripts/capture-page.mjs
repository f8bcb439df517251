// Captures a whole web page as PNG with Debian's Chromium, driven over the DevTools protocol (no downloaded
// browser, no npm package): node --experimental-websocket scripts/capture-page.mjs URL OUT.png [WIDTH]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, out, widthArg] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: node --experimental-websocket scripts/capture-page.mjs URL OUT.png [WIDTH]");
  process.exit(64);
}
const width = Number(widthArg ?? 1280);
const port = 9300 + Math.floor(Math.random() * 500);
const profile = mkdtempSync(join(tmpdir(), "fbatch-chromium-"));
const chromium = spawn("/usr/bin/chromium", [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
  `--remote-debugging-port=${port}`, "--remote-allow-origins=*", `--user-data-dir=${profile}`, `--window-size=${width},900`, "about:blank",
], { stdio: "ignore" });

const stop = () => { chromium.kill("SIGKILL"); rmSync(profile, { recursive: true, force: true }); };
try {
  let target;
  for (let i = 0; i < 240 && !target; i++) {
    try {
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      target = list.find(t => t.type === "page");
    } catch { await new Promise(r => setTimeout(r, 250)); }
  }
  if (!target) throw new Error("Chromium's DevTools endpoint did not answer");

  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
  let nextId = 0;
  const pending = new Map();
  const events = [];
  socket.onmessage = m => {
    const message = JSON.parse(m.data);
    if (message.id && pending.has(message.id)) pending.get(message.id)(message);
    else if (message.method) events.push(message.method);
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, m => m.error ? reject(new Error(`${method}: ${JSON.stringify(m.error)}`)) : resolve(m.result));
    socket.send(JSON.stringify({ id, method, params }));
  });

  await send("Page.enable");
  await send("Emulation.setDeviceMetricsOverride", { width, height: 900, deviceScaleFactor: 1, mobile: false });
  await send("Page.navigate", { url });
  for (let i = 0; i < 600 && !events.includes("Page.loadEventFired"); i++) await new Promise(r => setTimeout(r, 100));
  const { cssContentSize: size } = await send("Page.getLayoutMetrics");
  const shot = await send("Page.captureScreenshot", {
    format: "png", captureBeyondViewport: true, clip: { x: 0, y: 0, width: size.width, height: size.height, scale: 1 },
  });
  writeFileSync(out, Buffer.from(shot.data, "base64"));
  console.log(`${out}: ${Math.round(size.width)}x${Math.round(size.height)}`);
  socket.close();
} finally {
  stop();
}
