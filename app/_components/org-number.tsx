/** A Norwegian organisation number grouped as it is usually written: 974 760 983. */
export function OrgNumber({ value }: { value: string }) {
  const grouped = /^\d{9}$/.test(value) ? `${value.slice(0, 3)}\u00a0${value.slice(3, 6)}\u00a0${value.slice(6)}` : value;
  return <span className="fc-nowrap">{grouped}</span>;
}
