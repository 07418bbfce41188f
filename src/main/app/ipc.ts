import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, ipcChannel, type Handlers } from '../../shared/contract';
import { dispatch } from '../core/dispatch';
import { errorInfo } from '../core/errors';

/** Every channel of the contract, each validated by `dispatch`, each answering only our own renderer. */
export function registerIpc(handlers: Handlers, isOwnFrame: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), async (event, payload: unknown) => {
      if (!isOwnFrame(event)) return { ok: false, error: errorInfo('forbidden', 'errors.app.notFromMinnes') };
      return dispatch(handlers, channel, payload);
    });
  }
}
