import { BillingSummary } from '../lib/billing-summary'

export default function Home() {
  return <BillingSummary />
}
