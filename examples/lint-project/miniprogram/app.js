App({
  globalData: {
    // 统计服务 (analytics)
    stats: 'https://stats.example.org'
  }
})
