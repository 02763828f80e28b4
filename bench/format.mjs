// Turns measurements into the printed table: human units and an "ours vs upstream" verdict.

const words = {
  bytes: ['smaller', 'larger'],
  ms: ['faster', 'slower'],
  requests: ['fewer', 'more'],
  'events/s': ['faster', 'slower'],
  'req/s': ['faster', 'slower'],
  µs: ['less', 'more'],
}

/** `ratio` is ours ÷ upstream; `comparison` says which way is better, e.g. "18.4× smaller". */
export function formatComparison({ ours, upstream, unit, better }) {
  if (typeof ours !== 'number' || typeof upstream !== 'number' || ours <= 0 || upstream <= 0) {
    return { ratio: null, comparison: '—' }
  }
  const ratio = ours / upstream
  const [good, bad] = words[unit] ?? ['better', 'worse']
  const oursWins = better === 'lower' ? ratio < 1 : ratio > 1
  const factor = ratio < 1 ? 1 / ratio : ratio
  if (factor < 1.02) return { ratio, comparison: 'same' }
  return { ratio, comparison: `${factor.toFixed(factor < 10 ? 2 : 1)}× ${oursWins ? good : bad}` }
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatValue(value, unit) {
  if (unit === 'text') return String(value)
  if (typeof value !== 'number' || Number.isNaN(value)) return '—'
  switch (unit) {
    case 'bytes':
      if (value >= 10 * 1024 * 1024) return `${(value / (1024 * 1024)).toFixed(1)} MB`
      return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${integer.format(value)} B`
    case 'ms':
      return `${value < 1 ? value.toPrecision(2) : value < 100 ? value.toFixed(1) : integer.format(value)} ms`
    case 'µs':
      return `${value.toFixed(2)} µs`
    case 'count':
      return integer.format(value)
    case 'requests':
      return String(Math.round(value * 10) / 10)
    default:
      return `${integer.format(value)} ${unit}`
  }
}

function line(cells) {
  return `| ${cells.join(' | ')} |`
}

/** One Markdown table for sections 1–4 and 6, plus section 5's growth curve below it. */
export function markdownTable(results) {
  const { versions, environment, mode, command } = results
  const out = [
    `Mode: ${mode} · ${environment.node} · ${environment.platform} · ${environment.cpu} · \`${command}\``,
    '',
    line(['#', 'measurement', 'ours', `upstream ${versions.upstream.server}`, 'ours vs upstream']),
    line(['---', '---', '---:', '---:', '---']),
  ]
  for (const section of results.sections) {
    if (!section.ok) {
      out.push(line([section.id, `**${section.title}**: failed (${section.error})`, '', '', '']))
      continue
    }
    if (section.curve) continue
    for (const row of section.rows) {
      const cells = [
        section.id,
        row.metric,
        formatValue(row.ours, row.unit),
        row.upstream === null ? 'n/a' : formatValue(row.upstream, row.unit),
        row.comparison,
      ]
      out.push(line(cells))
    }
  }
  for (const section of results.sections.filter((s) => s.ok && s.curve)) {
    out.push('', `${section.id}. ${section.title}`, '')
    out.push(line(section.curve.columns), line(section.curve.columns.map(() => '---:')))
    for (const cells of section.curve.rows) {
      out.push(line(cells.map(({ value, unit }) => formatValue(value, unit))))
    }
  }
  return out.join('\n')
}
