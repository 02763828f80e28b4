export { default } from '../../next15-app/app/page'
