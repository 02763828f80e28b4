interface MeterBarProps {
  slug: string
  name: string
  /** Credits granted this period by the plan (0 when the meter has none). */
  granted: number
  /** checkUsageBalance(slug): null until the meter has its first entry. */
  balance: number | null
}

/** Usage this period = credits granted this period − what is left of them. */
export function MeterBar({ slug, name, granted, balance }: MeterBarProps) {
  const used = balance === null ? 0 : granted - balance
  const scale = granted > 0 ? granted : Math.max(used, 1)
  const percent = Math.min(100, Math.round((used / scale) * 100))
  return (
    <div
      className="meter"
      data-testid={`meter-${slug}`}
      data-used={used}
      data-balance={balance ?? ''}
    >
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <strong>{name}</strong>
        <span className="muted">
          used <span data-testid={`used-${slug}`}>{used.toLocaleString('en-US')}</span>
          {granted > 0 ? ` of ${granted.toLocaleString('en-US')} included` : ''} · balance{' '}
          <span data-testid={`balance-${slug}`}>
            {balance === null ? '—' : balance.toLocaleString('en-US')}
          </span>
        </span>
      </div>
      <div className="bar">
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}
