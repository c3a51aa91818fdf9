// The class a predictor's answer picks, the number a forecast is, and the message when an answer is neither.
import { describe, expect, it } from 'vitest';
import { forecastNumber, predictedClass } from '@/lib/grader/answers';
import { listValue, numberValue, tensorValue } from '@/lib/grader/values';

describe('predictedClass', () => {
  it('picks the highest score, the first one on ties, whatever the tensor shape', () => {
    expect(predictedClass(tensorValue([4], [0.1, 0.7, 0.1, 0.1]), 0, 4, 'image')).toBe(1);
    expect(predictedClass(tensorValue([1, 3], [0.2, 0.4, 0.4]), 0, 3, 'image')).toBe(1);
    expect(predictedClass(tensorValue([3], [-1, -3, -2]), 0, 3, 'image')).toBe(0);
  });

  it('names the answer and what it should have been', () => {
    expect(() => predictedClass(tensorValue([1, 5], [1, 2, 3, 4, 5]), 6, 6, 'video')).toThrow('answer 7 is a tensor of shape [1, 5]; return 6 scores per video');
    expect(() => predictedClass(numberValue(2), 0, 6, 'clip')).toThrow('answer 1 is a number; return 6 scores per clip');
  });
});

describe('forecastNumber', () => {
  it('reads a number or a one-element tensor of any shape', () => {
    expect(forecastNumber(numberValue(1.5), 0)).toBe(1.5);
    expect(forecastNumber(tensorValue([1, 1], [-0.25]), 0)).toBe(-0.25);
  });

  it('names the forecast and what it was otherwise', () => {
    expect(() => forecastNumber(tensorValue([2], [1, 2]), 3)).toThrow('forecast 4 is a tensor of shape [2]; return one number (or a tensor with one element) per window');
    expect(() => forecastNumber(listValue([]), 0)).toThrow('forecast 1 is a list of 0 items; return one number');
  });
});
