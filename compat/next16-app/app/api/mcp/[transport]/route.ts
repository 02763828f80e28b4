export { GET, POST } from '../../../../../next15-app/app/api/mcp/[transport]/route'
