/**
 * Prices as data (prices.json, shared with the Python shim, with each provider's publication
 * date and source) and the cost estimate built from them. A missing price row is an error,
 * never a guessed zero. Amounts are computed in exact decimals.
 */
import { PRICE_DATA } from "./data.js";
import { UnsupportedFeature } from "./errors.js";
import { AUDIO, DURATION, fit, RESOLUTION, settings } from "./params.js";
const PRICED = [DURATION, RESOLUTION, AUDIO]; // what a price row depends on
const PLACES = 4;
/** One provider's price section (published, source, confirmed, rows). */
export function providerPrices(provider) {
    const section = PRICE_DATA.providers[provider];
    if (section === undefined) {
        throw new UnsupportedFeature(`${provider}: no price table`);
    }
    return section;
}
/**
 * The price of the video `request` makes on `provider`: values mapped as createVideo maps them,
 * and a value left out priced at the provider's documented default (named in
 * `providerDefaults`).
 */
export function estimateRequest(provider, capabilities, request, warn) {
    const fitted = fit(provider, request, capabilities, request.model ?? "", warn);
    const made = settings(fitted, capabilities);
    const priced = made.providerDefaults.filter((name) => PRICED.includes(name));
    return estimate(provider, fitted.model, made.durationSeconds, made.resolution, made.audio, priced);
}
/** The cost of `durationSeconds` of video from the best-matching price row. */
export function estimate(provider, model, durationSeconds, resolution, audio, providerDefaults = []) {
    const section = providerPrices(provider);
    const row = bestRow(section.rows, model, resolution, audio);
    if (row === undefined) {
        throw new UnsupportedFeature(`${provider}: no published price for model ${JSON.stringify(model)} at ` +
            `${resolution ?? "any"} resolution${audio ? " with audio" : ""} (${section.source})`);
    }
    const amountText = multiply(row.per_second, String(durationSeconds));
    return {
        amount: Number(amountText),
        amountText,
        currency: PRICE_DATA.currency,
        provider,
        model,
        priceRow: { ...row },
        published: section.published,
        confirmed: row.confirmed ?? section.confirmed,
        note: section.source,
        durationSeconds,
        resolution,
        audio,
        providerDefaults,
    };
}
function bestRow(rows, model, resolution, audio) {
    // the most specific row wins (one that names the resolution and the audio setting)
    let best;
    let bestScore = -1;
    for (const row of rows) {
        const fits = row.model === model &&
            (row.resolution === undefined || row.resolution === resolution) &&
            (row.audio === undefined || row.audio === audio);
        const score = Number("resolution" in row) + Number("audio" in row);
        if (fits && score > bestScore) {
            best = row;
            bestScore = score;
        }
    }
    return best;
}
/** `left * right` for decimal strings, rounded half-even to 4 places ("0.9600"). */
export function multiply(left, right) {
    const [a, aScale] = decimal(left);
    const [b, bScale] = decimal(right);
    let units = a * b;
    let scale = aScale + bScale;
    if (scale < PLACES) {
        units *= 10n ** BigInt(PLACES - scale);
    }
    else if (scale > PLACES) {
        const divisor = 10n ** BigInt(scale - PLACES);
        const quotient = units / divisor;
        const twice = (units % divisor) * 2n;
        units = twice > divisor || (twice === divisor && quotient % 2n === 1n) ? quotient + 1n : quotient;
    }
    scale = PLACES;
    const digits = units.toString().padStart(scale + 1, "0");
    return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
function decimal(text) {
    const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (match === null) {
        throw new UnsupportedFeature(`not a non-negative decimal: ${JSON.stringify(text)}`);
    }
    const fraction = match[2] ?? "";
    return [BigInt(`${match[1]}${fraction}`), fraction.length];
}
