// Hourly temperature, humidity and pressure with a daily cycle, clouds and fronts: the data of exercise 09.
import { createRng, type Rng } from '@/lib/lstm/random';

/**
 * The columns of every weather series, in this order: °C, relative humidity in %, hPa.
 *
 * One hour t − 1 → t of the simulated weather (h = hour of day, σ = logistic, ε = a fresh N(0, 1) draw):
 *
 * - **Pressure** drifts slowly: its hourly tendency is an AR(1), `v_t = 0.85·v_{t−1} + 0.1·ε`, and a
 *   front passing (2 % of hours) kicks it by ±1.2 hPa/h; `d_t = 0.98·d_{t−1} + v_t`, `p_t = 1013 + d_t`.
 * - **Sunshine** `s_t = σ(d_{t−3}/2 − (RH_{t−1} − 75)/3)`: clear skies under high pressure and dry air
 *   (clouds clear about 3 hours after the pressure rises, so pressure leads the temperature).
 * - **Temperature** closes 70 % of its gap to `T*_t = 12 + 10·s_t·cos(2π(h − 14)/24)` each hour: a daily
 *   cycle peaking at 14:00 whose swing the sunshine **multiplies** (overcast days stay flat), and rain
 *   (`RH_{t−1} > 92`) takes 1 °C: `T_t = T_{t−1} + 0.7·(T*_t − T_{t−1}) − rain + 0.15·ε`.
 * - **Humidity** falls as the air warms, 2 hours late, and jumps with passing moist air e:
 *   `e_t = 0.4·e_{t−1} + 5·ε`, `RH_t = clip(75 − 2·(T_{t−2} − 12) − 0.5·d_t + e_t, 15, 100)`.
 *
 * So the next hour's temperature depends on a product of the time of day with a saturating function
 * of pressure and humidity: a model that is linear in the window, or that sees temperature alone,
 * misses much of it. The 0.15 °C noise is what no forecaster can predict.
 */
export const WEATHER_FEATURES = ['temperature', 'humidity', 'pressure'] as const;
export const WEATHER_FEATURE_COUNT = WEATHER_FEATURES.length;

/** Hours simulated (with the first segment's seed) and thrown away before row 0, so row 0 is typical weather. */
export const SPIN_UP_HOURS = 72;

/** The constants of the process above. */
export interface WeatherClimate {
  meanTemperature: number;
  /** Daily swing of T* on a fully sunny day, °C (the cycle peaks at `warmestHour`). */
  dailyAmplitude: number;
  warmestHour: number;
  /** Fraction of the gap to T* closed each hour. */
  relaxation: number;
  temperatureNoise: number;
  meanPressure: number;
  pressureDecay: number;
  tendencyAr: number;
  tendencyNoise: number;
  /** Chance per hour that a front passes, and the kick it gives the pressure tendency, hPa/h. */
  frontChance: number;
  frontKick: number;
  /** Relative humidity above which it rains, and the cooling rain brings, °C. */
  rainHumidity: number;
  rainCooling: number;
  meanHumidity: number;
  /** %RH lost per °C of warming, and the delay of that response, hours. */
  humidityPerDegree: number;
  humidityLag: number;
  /** %RH per hPa of pressure anomaly (high pressure: drier air). */
  humidityPerHpa: number;
  moistureAr: number;
  moistureNoise: number;
  /** Sunshine = σ(d_{t−sunPressureLag} / sunPressureScale − (RH_{t−1} − meanHumidity) / sunHumidityScale). */
  sunPressureScale: number;
  sunPressureLag: number;
  sunHumidityScale: number;
}

export const WEATHER_CLIMATE: Readonly<WeatherClimate> = Object.freeze({
  meanTemperature: 12,
  dailyAmplitude: 10,
  warmestHour: 14,
  relaxation: 0.7,
  temperatureNoise: 0.15,
  meanPressure: 1013,
  pressureDecay: 0.98,
  tendencyAr: 0.85,
  tendencyNoise: 0.1,
  frontChance: 0.02,
  frontKick: 1.2,
  rainHumidity: 92,
  rainCooling: 1,
  meanHumidity: 75,
  humidityPerDegree: 2,
  humidityLag: 2,
  humidityPerHpa: 0.5,
  moistureAr: 0.4,
  moistureNoise: 5,
  sunPressureScale: 2,
  sunPressureLag: 3,
  sunHumidityScale: 3,
});

/** One stretch of time and the seed of its random draws. */
export interface WeatherSegment {
  seed: number;
  hours: number;
}

/** How far back the state remembers pressure and temperature (the longest lag used, plus room). */
const HISTORY = 4;

interface WeatherState {
  /** The hour just simulated, counted from −SPIN_UP_HOURS (the first row of the first segment is hour 1). */
  hour: number;
  /** Pressure anomaly d and its tendency v, hPa and hPa/h. */
  anomaly: number;
  tendency: number;
  /** The moist-air component e of humidity, %RH. */
  moisture: number;
  humidity: number;
  /** Most recent first: pressure[0] = p_t, pressure[k] = p_{t−k}; likewise temperature. */
  pressure: number[];
  temperature: number[];
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function initialState(c: WeatherClimate): WeatherState {
  return {
    hour: -SPIN_UP_HOURS,
    anomaly: 0,
    tendency: 0,
    moisture: 0,
    humidity: c.meanHumidity,
    pressure: Array<number>(HISTORY).fill(c.meanPressure),
    temperature: Array<number>(HISTORY).fill(c.meanTemperature),
  };
}

/** One hour of the process (see WEATHER_FEATURES); draws exactly two uniforms and three normals. */
function nextHour(s: WeatherState, rng: Rng, c: WeatherClimate): WeatherState {
  const hour = s.hour + 1;
  const front = rng.next() < c.frontChance;
  const kick = (rng.next() < 0.5 ? -1 : 1) * (front ? c.frontKick : 0);
  const tendency = c.tendencyAr * s.tendency + rng.normal(0, c.tendencyNoise) + kick;
  const anomaly = c.pressureDecay * s.anomaly + tendency;

  // s.pressure[k] is p_{t−1−k}.
  const pressureThen = s.pressure[c.sunPressureLag - 1] - c.meanPressure;
  const sun = logistic(pressureThen / c.sunPressureScale - (s.humidity - c.meanHumidity) / c.sunHumidityScale);
  const hourOfDay = ((hour % 24) + 24) % 24;
  const target = c.meanTemperature + c.dailyAmplitude * sun * Math.cos((2 * Math.PI * (hourOfDay - c.warmestHour)) / 24);
  const rain = s.humidity > c.rainHumidity ? c.rainCooling : 0;
  const previous = s.temperature[0];
  const temperatureNow = previous + c.relaxation * (target - previous) - rain + rng.normal(0, c.temperatureNoise);

  const temperature = [temperatureNow, ...s.temperature.slice(0, HISTORY - 1)];
  const moisture = c.moistureAr * s.moisture + rng.normal(0, c.moistureNoise);
  const warming = temperature[c.humidityLag] - c.meanTemperature;
  const humidity = clip(c.meanHumidity - c.humidityPerDegree * warming - c.humidityPerHpa * anomaly + moisture, 15, 100);
  const pressure = [c.meanPressure + anomaly, ...s.pressure.slice(0, HISTORY - 1)];
  return { hour, anomaly, tendency, moisture, humidity, pressure, temperature };
}

/**
 * One continuous weather history cut into consecutive segments, each drawing its noise from its own
 * seed: `[train, hidden] = simulateWeather([{ seed: a, hours: 720 }, { seed: b, hours: 5000 }])` gives
 * a hidden continuation that nobody holding seed `a` can reproduce. Row k of the first segment is at
 * (k + 1) o'clock modulo 24 (row 23 is midnight), after a spin-up of SPIN_UP_HOURS drawn from the first seed.
 * Each segment is row-major [hours, 3]: temperature, humidity, pressure.
 */
export function simulateWeather(segments: readonly WeatherSegment[], climate: WeatherClimate = WEATHER_CLIMATE): Float32Array[] {
  if (segments.length === 0) return [];
  let state = initialState(climate);
  const firstRng = createRng(segments[0].seed);
  for (let k = 0; k < SPIN_UP_HOURS; k++) state = nextHour(state, firstRng, climate);
  return segments.map((segment, index) => {
    const rng = index === 0 ? firstRng : createRng(segment.seed);
    const rows = new Float32Array(segment.hours * WEATHER_FEATURE_COUNT);
    for (let k = 0; k < segment.hours; k++) {
      state = nextHour(state, rng, climate);
      rows.set([state.temperature[0], state.humidity, state.pressure[0]], k * WEATHER_FEATURE_COUNT);
    }
    return rows;
  });
}

/** One forecasting query: `windowSize` hours of all three variables and the temperature of the hour after. */
export interface WeatherWindow {
  /** row-major [windowSize, 3], raw units */
  window: Float32Array;
  nextTemperature: number;
}

/**
 * Non-overlapping windows over a [hours, 3] series: window k covers hours k·(W+1) … k·(W+1)+W−1 and its
 * target is the temperature of hour k·(W+1)+W, so no target appears inside another window.
 */
export function disjointWeatherWindows(series: Float32Array, windowSize: number): WeatherWindow[] {
  const F = WEATHER_FEATURE_COUNT;
  const hours = series.length / F;
  const out: WeatherWindow[] = [];
  for (let start = 0; start + windowSize + 1 <= hours; start += windowSize + 1) {
    out.push({ window: series.slice(start * F, (start + windowSize) * F), nextTemperature: series[(start + windowSize) * F] });
  }
  return out;
}
