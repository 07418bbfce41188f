import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, ipcChannel, type TransportApi } from '../../shared/contract';

/**
 * Runs inside the sandboxed preload. One named method per contract entry;
 * the renderer never gets ipcRenderer or a generic invoke.
 */
export function exposeApi(): void {
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(ipcChannel(channel), input ?? {})]),
  ) as TransportApi;
  contextBridge.exposeInMainWorld('minnes', api);
}
