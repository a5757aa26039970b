import type { SoraData } from "./compat.js";
import type { PriceData, ProviderData } from "./specs.js";
export declare const PROVIDER_DATA: ProviderData;
export declare const PRICE_DATA: PriceData;
export declare const SORA_DATA: SoraData;
/** The small MP4 the fake provider serves. */
export declare const FAKE_VIDEO_BASE64 = "AAAAHGZ0eXBpc29tAAACAGlzb21pc28ybXA0MQAAAHRtb292AAAAbG12aGQAAAAAAAAAAAAAAAAAAAPoAAAPoAABAAABAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAACG1kYXQ=";
