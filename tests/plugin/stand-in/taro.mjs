// Stands in for @tarojs/taro in the injection test.
export default { name: 'Taro', request() {} };
