import { BASE } from './config'

export function get(path) {
  return new Promise((resolve, reject) => {
    wx.request({ url: BASE + '/v1' + path, success: resolve, fail: reject })
  })
}
