// Bilingual text inside SVG: both languages as <tspan>s, shown by the same CSS switch as <T>.

export function SvgT({ en, zh }: { en: string; zh: string }) {
  return (
    <>
      <tspan data-l="en">{en}</tspan>
      <tspan data-l="zh">{zh}</tspan>
    </>
  );
}
