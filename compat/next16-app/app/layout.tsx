// Shares the Next 15 fixture's layout and page: the two apps differ only in their `next`.
export { default } from '../../next15-app/app/layout'
