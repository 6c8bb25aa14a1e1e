/**
 * Traditional → Simplified Chinese for about 540 common characters (private to the embedder),
 * so that 構建失敗 and 构建失败 share their features. Many-to-one on purpose (發, 髮 → 发);
 * Japanese kanji that coincide with a Traditional form fold the same way on both sides of a
 * comparison, which only adds matches. Characters not listed are left as they are.
 */

/** Pairs of (Traditional, Simplified) characters, concatenated. */
const PAIRS = "這这個个們们來来時时會会對对說说為为與与從从過过還还沒没讓让給给麼么嗎吗於于動动" +
  "發发髮发現现開开關关設设檔档檢检錯错誤误敗败構构組组塊块網网絡络連连線线務务載载" +
  "輸输數数據据庫库權权訪访問问題题請请確确認认無无執执處处應应體体統统號号碼码頁页" +
  "點点擊击選选擇择項项變变換换轉转參参記记錄录憶忆經经驗验學学習习實实際际況况態态" +
  "報报書书寫写讀读議议論论證证試试測测環环狀状當当後后裡里裏里長长東东車车電电腦脑" +
  "機机聯联繫系係系級级節节總总結结資资訊讯傳传區区鏈链鍵键標标簽签頭头顯显圖图畫画" +
  "視视頻频聲声樂乐歡欢愛爱謝谢氣气門门間间聞闻閉闭買买賣卖錢钱銀银貨货價价費费單单" +
  "帳账戶户員员師师專专業业產产幫帮話话語语詞词該该識识見见覺觉觀观親亲進进運运邊边" +
  "遠远週周類类顏颜願愿飯饭館馆飛飞馬马魚鱼鳥鸟雞鸡麥麦黃黄齊齐龍龙歲岁歷历曆历廣广" +
  "廠厂慶庆雙双難难雲云霧雾靜静韓韩風风養养鬥斗麵面黨党華华協协衛卫壓压縣县葉叶嚴严" +
  "團团園园圓圆場场壞坏殼壳備备夠够夢梦奮奋婦妇寶宝將将導导層层屬属島岛幣币帶带幾几" +
  "強强徑径復复徵征憂忧戰战擔担擁拥擬拟斷断舊旧條条極极槍枪樣样歐欧歸归殺杀漢汉準准" +
  "滿满溝沟滅灭漸渐潔洁澤泽濟济災灾烏乌煙烟熱热燈灯爭争爾尔牆墙獨独獲获畢毕異异療疗" +
  "盡尽監监盤盘眾众礎础禮礼種种稱称穩稳窮穷競竞筆笔範范築筑簡简紀纪約约紅红納纳紙纸" +
  "細细終终絕绝綜综緊紧編编練练緒绪縮缩織织繼继續续罰罚羅罗義义聖圣職职興兴舉举藝艺" +
  "蘇苏蟲虫術术衝冲補补製制複复規规覽览觸触計计訂订討讨訓训許许評评詢询詳详課课調调" +
  "談谈諸诸講讲譯译護护豐丰貝贝負负財财貢贡責责貴贵貸贷賓宾質质購购賽赛趕赶跡迹踐践" +
  "軌轨軍军軟软較较輔辅輕轻辦办農农遊游達达違违適适遺遗郵邮鄉乡醫医針针鐘钟鋼钢鎖锁" +
  "鏡镜閃闪閱阅闊阔隊队陽阳陰阴陳陈隨随險险隱隐雜杂離离響响頂顶順顺須须預预領领額额" +
  "餘余鬆松啟启啓启儲储優优億亿僅仅傷伤剛刚創创劃划劇剧勞劳勢势勵励匯汇嚮向噴喷圍围" +
  "壇坛夥伙奪夺媽妈孫孙寧宁審审屆届岡冈峽峡帥帅幹干乾干廳厅彈弹徹彻懷怀懶懒拋抛掃扫" +
  "掛挂揚扬損损搖摇擴扩擾扰攜携敵敌暫暂曉晓朮术棄弃樓楼橋桥櫃柜毀毁決决淚泪淺浅渾浑" +
  "湯汤溫温滾滚漲涨濃浓濾滤灣湾燒烧營营犧牺猶犹獎奖瑪玛瘋疯癒愈磚砖禍祸稅税積积窩窝" +
  "粵粤糧粮紐纽紛纷絲丝綠绿維维緣缘縱纵繪绘罷罢翹翘聽听膽胆膚肤臉脸艙舱艦舰莊庄蓋盖" +
  "蘭兰虛虚蝦虾衆众裝装襲袭訴诉診诊誌志誠诚誰谁諾诺謀谋謂谓譜谱讚赞貓猫賀贺賴赖贏赢" +
  "趨趋輛辆輪轮辭辞鄰邻醬酱釋释鈕钮鋪铺錶表鍋锅鎮镇鐵铁鑰钥閒闲闆板陸陆隻只雖虽靈灵" +
  "韻韵頒颁頓顿頸颈顆颗顧顾飲饮飽饱飾饰騎骑騙骗驅驱驚惊髒脏鬧闹魯鲁鮮鲜鹽盐麗丽齡龄" +
  "齒齿龜龟";

const SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
})();

/** Maps each listed Traditional character of a Han run to its Simplified form. */
export function toSimplified(run: string): string {
  let out = "";
  for (const char of run) out += SIMPLIFIED.get(char) ?? char;
  return out;
}
