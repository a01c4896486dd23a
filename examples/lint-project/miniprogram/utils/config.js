// The API base URL, in one place.
export const BASE = 'http://api.example.com'
export const LOCAL = 'http://localhost:3000'

module.exports = { upload: 'https://upload.example.com:8443' }
