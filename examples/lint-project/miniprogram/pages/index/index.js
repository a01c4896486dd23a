const config = require('../../utils/config')
const app = getApp()

Page({
  onLoad() {
    // 用户信息 (the user)
    wx.request({ url: 'https://api.example.com/user', method: 'PATCH', timeout: 90000 })
    wx.request({ url: '/api/list', header: { Referer: 'https://my.site/' } })
    wx.request({ url: 'https://api.weixin.qq.com/sns/jscode2session' })
    wx.request({ url: app.globalData.stats + '/hit' })
    wx.uploadFile({ url: config.upload + '/photo', filePath: 'x', name: 'file' })
    wx.downloadFile({ url: `https://203.0.113.5/${this.id}.png` })
    wx.connectSocket({ url: 'ws://192.168.1.20:8080/live' })
    // wxnet-disable-next-line url-localhost
    wx.request({ url: 'http://localhost:3000/dev-only' })
    wx.setStorageSync('http://localhost', 1)
    wx.request({ url: 'https://api.example.com/list', dataType: 'JSON' })
    const tcp = wx.createTCPSocket()
    tcp.connect({ address: 'db.example.com', port: 3306 })
  }
})
