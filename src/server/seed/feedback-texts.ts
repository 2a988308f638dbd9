import type { FeedbackField, FeedbackType, SubmitterKind } from '../../shared/domain/feedback.ts';
import type { Random } from './random.ts';

/**
 * What the public writes to the committee about Resolution 57, as material for the demo: each
 * topic is a barrier in law, policy or procedure that people really raise, with the sentences its
 * submissions are made of and the answers the organization in charge gives. A submission draws a
 * few sentences and the writer's own details, so that no two read alike (the duplicate check
 * compares trigrams: templates that shared too much would all be flagged as one another's twins).
 */
export interface FeedbackTopic {
  key: string;
  field: FeedbackField;
  types: readonly FeedbackType[];
  /** The organization that answers (its code in the demo tree). */
  organization: string;
  /** Who typically writes about it. */
  submitters: readonly SubmitterKind[];
  titles: readonly string[];
  problems: readonly string[];
  proposals: readonly string[];
  answers: readonly string[];
  /** Outside what the committee takes up: such submissions are rejected with this reason. */
  rejection?: string;
}

export const FEEDBACK_TOPICS: readonly FeedbackTopic[] = [
  {
    key: 'data-sharing',
    field: 'data',
    types: ['feedback', 'recommendation'],
    organization: 'BCA',
    submitters: ['citizen', 'business', 'organization'],
    titles: [
      'Cơ quan vẫn yêu cầu nộp giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư',
      'Dữ liệu giữa các bộ chưa được chia sẻ, người dân phải khai đi khai lại',
      'Đề nghị kết nối dữ liệu đất đai với dữ liệu dân cư',
      'Doanh nghiệp phải nộp bản sao giấy tờ mà cơ quan nhà nước đã lưu',
    ],
    problems: [
      'Khi làm thủ tục tôi vẫn bị yêu cầu nộp bản sao căn cước và giấy xác nhận cư trú, dù các thông tin này đã có đầy đủ trên ứng dụng VNeID.',
      'Cán bộ một cửa cho biết hệ thống của sở chưa kết nối với Cơ sở dữ liệu quốc gia về dân cư nên không tra cứu được.',
      'Mỗi lần thay đổi địa chỉ trụ sở, doanh nghiệp phải cập nhật riêng với cơ quan thuế, bảo hiểm xã hội và đăng ký kinh doanh, ba nơi ba mẫu khác nhau.',
      'Dữ liệu về đất đai, thuế và dân cư nằm ở các hệ thống riêng rẽ, mỗi cơ quan lại đề nghị người dân tự đi xin xác nhận của cơ quan kia.',
      'Hồ sơ trực tuyến bị trả lại chỉ vì bản scan giấy khai sinh không rõ, trong khi dữ liệu hộ tịch đã được số hóa từ nhiều năm trước.',
    ],
    proposals: [
      'Đề nghị quy định rõ cơ quan nào đã có dữ liệu thì không được yêu cầu người dân nộp lại, và có chế tài khi cán bộ vẫn đòi giấy tờ.',
      'Kiến nghị Bộ Công an sớm hoàn thiện việc kết nối, chia sẻ dữ liệu dân cư với hệ thống của các bộ, ngành và địa phương theo Luật Dữ liệu.',
      'Nên có một đầu mối duy nhất để doanh nghiệp cập nhật thông tin, sau đó hệ thống tự đồng bộ sang các cơ quan liên quan.',
    ],
    answers: [
      'Cảm ơn ông/bà đã phản ánh. Theo Luật Dữ liệu năm 2024 và Nghị định hướng dẫn, cơ quan nhà nước không được yêu cầu người dân cung cấp lại thông tin đã có trong cơ sở dữ liệu quốc gia. Bộ Công an đã đề nghị địa phương nơi ông/bà làm thủ tục kiểm tra, chấn chỉnh việc yêu cầu nộp bản sao giấy tờ và hoàn thành kết nối với Cơ sở dữ liệu quốc gia về dân cư trong quý này.',
      'Nội dung kiến nghị đã được tổng hợp vào kế hoạch triển khai Đề án 06. Hiện 63 dịch vụ công thiết yếu đã khai thác dữ liệu dân cư, không yêu cầu nộp giấy tờ chứng minh nhân thân và nơi cư trú; các thủ tục còn lại sẽ được rà soát, cắt giảm thành phần hồ sơ trong năm nay.',
    ],
  },
  {
    key: 'digital-signature',
    field: 'institutions',
    types: ['feedback', 'recommendation'],
    organization: 'BKHCN',
    submitters: ['business', 'citizen', 'organization'],
    titles: [
      'Văn bản ký số vẫn bị yêu cầu nộp thêm bản giấy có đóng dấu',
      'Chi phí chữ ký số cho hộ kinh doanh còn cao',
      'Chữ ký số từ xa chưa được một số cơ quan chấp nhận',
      'Đề nghị công nhận chữ ký số trên hợp đồng lao động điện tử',
    ],
    problems: [
      'Chúng tôi đã ký số đầy đủ theo Luật Giao dịch điện tử năm 2023 nhưng bộ phận một cửa vẫn đề nghị nộp thêm bản giấy có chữ ký tươi và đóng dấu đỏ.',
      'Hộ kinh doanh nhỏ phải mua chứng thư số vài triệu đồng mỗi năm chỉ để nộp thuế và kê khai vài lần, trong khi doanh thu không đáng kể.',
      'Chữ ký số từ xa trên điện thoại rất tiện nhưng phần mềm của một số sở chỉ nhận chữ ký từ USB token nên không nộp được hồ sơ.',
      'Người lao động ký hợp đồng điện tử với công ty, nhưng khi làm thủ tục bảo hiểm thì bị yêu cầu in ra và ký tay lại.',
    ],
    proposals: [
      'Đề nghị Bộ Khoa học và Công nghệ hướng dẫn thống nhất để mọi cơ quan chấp nhận văn bản có chữ ký số hợp lệ mà không đòi bản giấy.',
      'Kiến nghị miễn phí chữ ký số cá nhân tích hợp trên VNeID cho người dân và hộ kinh doanh khi giao dịch với cơ quan nhà nước.',
      'Nên công bố danh sách phần mềm dịch vụ công đã hỗ trợ chữ ký số từ xa để doanh nghiệp biết trước.',
    ],
    answers: [
      'Theo Luật Giao dịch điện tử năm 2023 và Nghị định số 23/2025/NĐ-CP về chữ ký điện tử và dịch vụ tin cậy, văn bản điện tử có chữ ký số hợp lệ có giá trị pháp lý như văn bản giấy có chữ ký và con dấu. Bộ Khoa học và Công nghệ đã có văn bản nhắc các bộ, ngành, địa phương không yêu cầu nộp thêm bản giấy đối với hồ sơ đã ký số hợp lệ.',
      'Bộ Khoa học và Công nghệ ghi nhận kiến nghị. Việc cấp chữ ký số cá nhân miễn phí gắn với định danh điện tử đang được nghiên cứu trong đề án phát triển dịch vụ tin cậy; trong thời gian chờ, người dân có thể dùng chữ ký số từ xa của các tổ chức cung cấp dịch vụ đã được cấp phép.',
    ],
  },
  {
    key: 'fintech-sandbox',
    field: 'enterprises',
    types: ['recommendation', 'feedback', 'solution'],
    organization: 'NHNN',
    submitters: ['business', 'organization'],
    titles: [
      'Hồ sơ tham gia cơ chế thử nghiệm có kiểm soát cho fintech còn phức tạp',
      'Đề nghị làm rõ tiêu chí đánh giá giải pháp cho vay ngang hàng trong sandbox',
      'Thời gian thẩm định hồ sơ sandbox ngân hàng quá dài',
      'Kiến nghị mở rộng sandbox cho giải pháp chấm điểm tín dụng thay thế',
    ],
    problems: [
      'Công ty chúng tôi phát triển giải pháp chấm điểm tín dụng dựa trên dữ liệu thay thế nhưng không rõ có thuộc phạm vi thử nghiệm theo Nghị định 94/2025/NĐ-CP hay không.',
      'Hồ sơ đề nghị tham gia thử nghiệm yêu cầu hợp tác với một ngân hàng thương mại, trong khi các ngân hàng thường chỉ làm việc với doanh nghiệp đã có giấy phép.',
      'Từ khi nộp hồ sơ đến nay đã hơn bốn tháng, chúng tôi chưa nhận được ý kiến chính thức nào về việc hồ sơ đã đủ hay còn thiếu.',
      'Tiêu chí đánh giá rủi ro cho hoạt động cho vay ngang hàng chưa được công bố, doanh nghiệp không biết phải chuẩn bị hệ thống quản trị rủi ro đến mức nào.',
    ],
    proposals: [
      'Đề nghị Ngân hàng Nhà nước công bố mẫu hồ sơ, quy trình và thời hạn trả lời cụ thể cho từng bước của cơ chế thử nghiệm.',
      'Kiến nghị cho phép doanh nghiệp khởi nghiệp tham gia thử nghiệm độc lập với quy mô khách hàng giới hạn, không bắt buộc phải có ngân hàng đối tác.',
      'Giải pháp đề xuất: lập cổng tiếp nhận trực tuyến để doanh nghiệp theo dõi tình trạng hồ sơ sandbox và nhận câu hỏi bổ sung.',
    ],
    answers: [
      'Ngân hàng Nhà nước cảm ơn doanh nghiệp. Nghị định số 94/2025/NĐ-CP quy định cơ chế thử nghiệm có kiểm soát đối với chấm điểm tín dụng, chia sẻ dữ liệu qua giao diện lập trình ứng dụng mở (Open API) và cho vay ngang hàng. Hồ sơ của doanh nghiệp đã được đơn vị chủ trì tiếp nhận; thời hạn thẩm định và danh mục tài liệu cần bổ sung sẽ được thông báo bằng văn bản trong tháng này.',
      'Kiến nghị về việc công bố quy trình và thời hạn đã được ghi nhận. Ngân hàng Nhà nước đang xây dựng hướng dẫn chi tiết và cổng tiếp nhận hồ sơ trực tuyến, dự kiến đưa vào vận hành trong năm nay.',
    ],
  },
  {
    key: 'rd-tax',
    field: 'enterprises',
    types: ['recommendation', 'feedback'],
    organization: 'BTC',
    submitters: ['business', 'organization', 'scientist'],
    titles: [
      'Khó sử dụng Quỹ phát triển khoa học và công nghệ của doanh nghiệp',
      'Chi phí nghiên cứu và phát triển chưa được trừ khi tính thuế thu nhập doanh nghiệp',
      'Đề nghị cho trừ chi phí R&D gấp đôi như các nước trong khu vực',
      'Thủ tục quyết toán quỹ khoa học và công nghệ của doanh nghiệp rườm rà',
    ],
    problems: [
      'Doanh nghiệp trích lập Quỹ phát triển khoa học và công nghệ từ nhiều năm nhưng gần như không dám sử dụng vì sợ bị xuất toán khi thanh tra thuế.',
      'Chi phí thuê chuyên gia nước ngoài và mua dữ liệu để huấn luyện mô hình bị cơ quan thuế loại khỏi chi phí được trừ vì không có hóa đơn trong nước.',
      'Quy định về hồ sơ chứng minh hoạt động nghiên cứu quá chung chung, mỗi cán bộ thuế hiểu một kiểu.',
      'Nếu sau năm năm quỹ chưa sử dụng hết thì doanh nghiệp phải nộp lại thuế kèm tiền lãi, điều này khiến nhiều công ty không trích lập nữa.',
    ],
    proposals: [
      'Đề nghị Bộ Tài chính ban hành danh mục chi phí nghiên cứu và phát triển được trừ, kèm ví dụ cụ thể cho lĩnh vực phần mềm và trí tuệ nhân tạo.',
      'Kiến nghị cho phép trừ 150–200% chi phí nghiên cứu và phát triển khi tính thuế, như Luật Thuế thu nhập doanh nghiệp năm 2025 đã mở hướng.',
      'Nên cho doanh nghiệp tự chịu trách nhiệm về việc sử dụng quỹ, cơ quan thuế chỉ hậu kiểm theo rủi ro.',
    ],
    answers: [
      'Bộ Tài chính ghi nhận kiến nghị. Luật Thuế thu nhập doanh nghiệp năm 2025 đã cho phép trừ thêm chi phí nghiên cứu và phát triển khi xác định thu nhập chịu thuế; nghị định hướng dẫn đang được hoàn thiện, trong đó có danh mục chi phí và hồ sơ chứng minh. Ý kiến của doanh nghiệp đã được chuyển tới tổ soạn thảo.',
      'Về việc sử dụng Quỹ phát triển khoa học và công nghệ của doanh nghiệp, Bộ Tài chính đang phối hợp với Bộ Khoa học và Công nghệ sửa đổi thông tư hướng dẫn theo hướng đơn giản hóa hồ sơ quyết toán và chuyển sang hậu kiểm.',
    ],
  },
  {
    key: 'university-contracts',
    field: 'research_innovation',
    types: ['recommendation', 'solution', 'feedback'],
    organization: 'BKHCN',
    submitters: ['scientist', 'organization'],
    titles: [
      'Vướng mắc khi ký hợp đồng nghiên cứu giữa trường đại học và doanh nghiệp',
      'Quyền sở hữu kết quả nghiên cứu dùng ngân sách chưa rõ ràng',
      'Đề nghị cho nhà khoa học được góp vốn bằng kết quả nghiên cứu',
      'Thủ tục mua sắm vật tư cho đề tài nghiên cứu quá chậm',
    ],
    problems: [
      'Nhóm nghiên cứu của chúng tôi có doanh nghiệp muốn đặt hàng, nhưng trường không có quy chế về phân chia lợi ích nên hợp đồng nằm chờ phòng tài vụ hơn nửa năm.',
      'Kết quả nghiên cứu hình thành từ ngân sách nhà nước vẫn phải qua nhiều cấp xin phép mới được giao cho trường, doanh nghiệp ngại chờ nên chuyển sang hợp tác với nước ngoài.',
      'Mua một lô hóa chất vài chục triệu đồng cho đề tài cũng phải làm đủ thủ tục đấu thầu, mất ba bốn tháng, thí nghiệm phải dừng lại.',
      'Giảng viên tham gia thành lập doanh nghiệp khởi nguồn (spin-off) không biết mình có vi phạm quy định về viên chức hay không.',
    ],
    proposals: [
      'Đề nghị hướng dẫn mẫu hợp đồng nghiên cứu ba bên nhà trường – nhà khoa học – doanh nghiệp, có sẵn điều khoản sở hữu trí tuệ và chia sẻ lợi nhuận.',
      'Kiến nghị giao quyền sở hữu kết quả nghiên cứu cho tổ chức chủ trì ngay khi nghiệm thu, như Luật Khoa học, Công nghệ và Đổi mới sáng tạo năm 2025 đã quy định.',
      'Giải pháp: áp dụng cơ chế khoán chi đến sản phẩm cuối cùng, nhóm nghiên cứu tự mua sắm và chịu trách nhiệm về kết quả.',
    ],
    answers: [
      'Bộ Khoa học và Công nghệ cảm ơn ý kiến. Luật Khoa học, Công nghệ và Đổi mới sáng tạo năm 2025 và Nghị quyết số 193/2025/QH15 đã cho phép khoán chi đến sản phẩm cuối cùng và giao quyền sở hữu kết quả nghiên cứu cho tổ chức chủ trì. Bộ đang ban hành mẫu hợp đồng và hướng dẫn phân chia lợi ích; dự thảo đã được đăng để lấy ý kiến trên cổng thông tin của Bộ.',
      'Về doanh nghiệp khởi nguồn, viên chức được tham gia góp vốn, quản lý doanh nghiệp khai thác kết quả nghiên cứu của mình theo quy định mới. Bộ đã đề nghị các cơ sở giáo dục đại học sửa đổi quy chế nội bộ cho phù hợp.',
    ],
  },
  {
    key: 'coverage-5g',
    field: 'digital_infrastructure',
    types: ['feedback', 'recommendation'],
    organization: 'BKHCN',
    submitters: ['citizen', 'organization', 'business'],
    titles: [
      'Sóng di động yếu, học sinh không học trực tuyến được',
      'Đề nghị phủ sóng 4G, 5G cho các thôn vùng cao',
      'Xã mới sáp nhập chưa có cáp quang đến trụ sở',
      'Mất sóng điện thoại khi mưa lớn ở khu vực biên giới',
    ],
    problems: [
      'Ở thôn tôi chỉ có một vạch sóng, muốn gọi điện phải ra đầu dốc, các cháu học sinh không thể nộp bài trên mạng.',
      'Người dân được hướng dẫn làm dịch vụ công trực tuyến nhưng ở nhà không có sóng 4G, phải xuống trung tâm xã mới làm được.',
      'Trụ sở xã sau sáp nhập đặt ở xã cũ nên đường truyền cáp quang chưa kéo tới điểm tiếp nhận hồ sơ, cán bộ phải phát wifi từ điện thoại.',
      'Mỗi khi mưa bão, trạm phát sóng mất điện và cả khu vực mất liên lạc hai ba ngày.',
    ],
    proposals: [
      'Đề nghị đưa các thôn lõm sóng vào chương trình cung cấp dịch vụ viễn thông công ích.',
      'Kiến nghị các nhà mạng dùng chung hạ tầng trạm phát sóng ở vùng sâu, vùng xa để giảm chi phí đầu tư.',
      'Nên trang bị máy phát điện dự phòng cho các trạm phát sóng ở khu vực hay bị chia cắt.',
    ],
    answers: [
      'Bộ Khoa học và Công nghệ đã đề nghị doanh nghiệp viễn thông khảo sát, bổ sung trạm phát sóng tại khu vực ông/bà phản ánh. Thôn đã được đưa vào danh sách hỗ trợ của Chương trình cung cấp dịch vụ viễn thông công ích; dự kiến có sóng 4G ổn định trong quý tới.',
      'Cảm ơn ý kiến của ông/bà. Việc phủ sóng các thôn, bản chưa có sóng di động là nhiệm vụ ưu tiên năm nay; Bộ đã chỉ đạo các doanh nghiệp dùng chung hạ tầng và bảo đảm nguồn điện dự phòng cho trạm phát sóng ở vùng thường xuyên bị thiên tai.',
    ],
  },
  {
    key: 'e-government',
    field: 'public_services',
    types: ['feedback', 'recommendation'],
    organization: 'VPCP',
    submitters: ['citizen', 'business'],
    titles: [
      'Nộp hồ sơ trực tuyến xong vẫn phải đến nộp bản giấy',
      'Cổng Dịch vụ công báo lỗi khi thanh toán lệ phí',
      'Hồ sơ đăng ký khai sinh trực tuyến quá hạn không có thông báo',
      'Đề nghị đơn giản hóa đăng nhập Cổng Dịch vụ công quốc gia',
      'Kết quả thủ tục không được trả bản điện tử',
    ],
    problems: [
      'Tôi nộp hồ sơ trực tuyến toàn trình, hai hôm sau cán bộ gọi điện bảo mang bản giấy lên để đối chiếu, như vậy thì nộp trực tuyến để làm gì.',
      'Thanh toán lệ phí qua cổng bị trừ tiền trong tài khoản nhưng hồ sơ vẫn báo chưa nộp phí, gọi tổng đài thì không ai bắt máy.',
      'Hồ sơ của gia đình tôi quá hạn hơn mười ngày, trên cổng vẫn ghi đang xử lý, không có tin nhắn hay thư nào giải thích lý do.',
      'Mỗi lần đăng nhập phải qua nhiều bước xác thực, người lớn tuổi trong gia đình tôi không tự làm được.',
      'Kết quả giải quyết chỉ trả bản giấy qua bưu điện, không có bản điện tử để dùng cho thủ tục tiếp theo.',
    ],
    proposals: [
      'Đề nghị quy định rõ hồ sơ nộp trực tuyến toàn trình thì không được yêu cầu nộp bản giấy.',
      'Kiến nghị tự động gửi tin nhắn khi hồ sơ sắp quá hạn và khi bị trả lại, kèm lý do cụ thể.',
      'Nên trả kết quả điện tử vào kho dữ liệu cá nhân trên Cổng Dịch vụ công để dùng lại cho các thủ tục khác.',
    ],
    answers: [
      'Văn phòng Chính phủ đã chuyển phản ánh tới địa phương giải quyết hồ sơ và yêu cầu kiểm tra việc đề nghị nộp bản giấy đối với hồ sơ trực tuyến toàn trình. Lỗi thanh toán lệ phí đã được đơn vị vận hành cổng khắc phục; khoản tiền bị trừ sẽ được hoàn trong năm ngày làm việc.',
      'Cảm ơn ông/bà đã góp ý. Tính năng thông báo tình trạng hồ sơ qua ứng dụng và tin nhắn, cũng như lưu kết quả điện tử vào kho dữ liệu cá nhân, đang được triển khai trên Cổng Dịch vụ công quốc gia theo kế hoạch năm nay.',
    ],
  },
  {
    key: 'cyber-workforce',
    field: 'security',
    types: ['recommendation', 'solution', 'initiative'],
    organization: 'BCA',
    submitters: ['scientist', 'organization', 'business'],
    titles: [
      'Thiếu nhân lực an ninh mạng ở cơ quan nhà nước cấp tỉnh',
      'Đề xuất chương trình đào tạo ngắn hạn về an toàn thông tin cho cán bộ xã',
      'Sáng kiến diễn tập ứng cứu sự cố an ninh mạng liên tỉnh',
      'Chế độ đãi ngộ chưa giữ được chuyên gia an ninh mạng',
    ],
    problems: [
      'Nhiều sở chỉ có một cán bộ kiêm nhiệm an toàn thông tin, trong khi số hệ thống phải bảo vệ tăng lên hàng chục.',
      'Chuyên gia an ninh mạng giỏi được doanh nghiệp trả lương gấp năm sáu lần, cơ quan nhà nước tuyển được người rồi cũng không giữ được.',
      'Các vụ lừa đảo qua mạng nhắm vào cán bộ xã ngày càng nhiều, nhưng họ gần như chưa được tập huấn gì về nhận diện mã độc và thư giả mạo.',
      'Diễn tập ứng cứu sự cố hiện chủ yếu làm trên giấy, không có môi trường thực hành chung giữa các tỉnh.',
    ],
    proposals: [
      'Đề nghị có cơ chế thuê chuyên gia an ninh mạng theo hợp đồng với mức thù lao theo thị trường, không bị giới hạn bởi thang bảng lương.',
      'Sáng kiến: xây dựng sân tập an ninh mạng dùng chung, mỗi quý tổ chức diễn tập thực chiến liên tỉnh, các trường đại học tham gia đóng vai tấn công.',
      'Đề xuất khóa học trực tuyến bắt buộc, ngắn gọn về an toàn thông tin cho toàn bộ cán bộ cấp xã, có kiểm tra cuối khóa.',
    ],
    answers: [
      'Bộ Công an ghi nhận đề xuất. Kế hoạch phát triển nguồn nhân lực an ninh mạng giai đoạn tới đã có nội dung đào tạo bắt buộc về an toàn thông tin cho cán bộ cấp xã và cơ chế thuê chuyên gia theo hợp đồng; sáng kiến diễn tập liên tỉnh được chuyển tới Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao để nghiên cứu áp dụng.',
      'Cảm ơn ý kiến đóng góp. Trong năm nay Bộ Công an phối hợp với các trường đại học tổ chức diễn tập thực chiến an ninh mạng tại ba khu vực; đơn vị của ông/bà có thể đăng ký tham gia qua Sở Khoa học và Công nghệ địa phương.',
    ],
  },
  {
    key: 'digital-skills',
    field: 'human_resources',
    types: ['recommendation', 'initiative', 'feedback'],
    organization: 'BGDDT',
    submitters: ['scientist', 'citizen', 'organization'],
    titles: [
      'Đề nghị đưa trí tuệ nhân tạo vào chương trình phổ thông',
      'Thiếu giáo viên tin học ở trường vùng khó khăn',
      'Sáng kiến lớp học lập trình miễn phí cho học sinh nông thôn',
      'Chỉ tiêu đào tạo kỹ sư bán dẫn chưa gắn với nhu cầu doanh nghiệp',
    ],
    problems: [
      'Trường tôi công tác có hơn 900 học sinh nhưng chỉ có một giáo viên tin học, phòng máy có 20 máy thì một nửa đã hỏng.',
      'Các em học sinh đã dùng công cụ trí tuệ nhân tạo hằng ngày nhưng nhà trường chưa có bài học nào hướng dẫn dùng đúng cách và an toàn.',
      'Nhiều trường mở ngành vi mạch bán dẫn nhưng thiếu phòng thí nghiệm, sinh viên ra trường doanh nghiệp vẫn phải đào tạo lại từ đầu.',
      'Học sinh nông thôn ít cơ hội tiếp cận lập trình, trong khi ở thành phố có rất nhiều trung tâm.',
    ],
    proposals: [
      'Đề nghị bổ sung nội dung hiểu biết về trí tuệ nhân tạo vào môn Tin học từ bậc trung học cơ sở.',
      'Sáng kiến: kết nối sinh viên công nghệ thông tin tình nguyện dạy lập trình trực tuyến cho học sinh các xã vùng khó khăn, tính vào điểm rèn luyện.',
      'Kiến nghị giao chỉ tiêu đào tạo kỹ sư bán dẫn gắn với cam kết tuyển dụng và đầu tư phòng thí nghiệm của doanh nghiệp.',
    ],
    answers: [
      'Bộ Giáo dục và Đào tạo cảm ơn ý kiến. Nội dung giáo dục về trí tuệ nhân tạo đang được xây dựng để đưa vào chương trình Tin học từ năm học tới; việc bổ sung giáo viên và thiết bị cho trường vùng khó khăn được ưu tiên trong chương trình mục tiêu giáo dục.',
      'Sáng kiến đã được chuyển tới Vụ Giáo dục phổ thông và đoàn thanh niên để nghiên cứu nhân rộng. Bộ sẽ liên hệ với ông/bà để trao đổi thêm về cách tổ chức.',
    ],
  },
  {
    key: 'startup-funds',
    field: 'enterprises',
    types: ['recommendation', 'feedback'],
    organization: 'BTC',
    submitters: ['business', 'organization'],
    titles: [
      'Quy định về quỹ đầu tư khởi nghiệp sáng tạo còn hạn chế',
      'Doanh nghiệp khởi nghiệp khó tiếp cận vốn ưu đãi',
      'Đề nghị chấp nhận rủi ro khi dùng vốn nhà nước đầu tư mạo hiểm',
    ],
    problems: [
      'Quỹ đầu tư khởi nghiệp sáng tạo trong nước chỉ được góp vốn tối đa một tỷ lệ nhỏ vào mỗi doanh nghiệp, nên các vòng gọi vốn đều phải tìm nhà đầu tư nước ngoài.',
      'Doanh nghiệp khởi nghiệp không có tài sản bảo đảm, các chương trình tín dụng ưu đãi vẫn yêu cầu thế chấp như doanh nghiệp truyền thống.',
      'Quỹ đổi mới sáng tạo của địa phương không dám giải ngân vì lo mất vốn nhà nước, trong khi bản chất đầu tư mạo hiểm là chấp nhận rủi ro.',
    ],
    proposals: [
      'Đề nghị sửa quy định để quỹ đầu tư khởi nghiệp sáng tạo được tự quyết tỷ lệ góp vốn theo điều lệ quỹ.',
      'Kiến nghị đánh giá hiệu quả quỹ đầu tư mạo hiểm dùng vốn nhà nước theo cả danh mục, không theo từng khoản đầu tư.',
      'Nên có chương trình bảo lãnh tín dụng dựa trên sở hữu trí tuệ và hợp đồng đã ký cho doanh nghiệp khởi nghiệp.',
    ],
    answers: [
      'Bộ Tài chính ghi nhận kiến nghị. Nghị quyết số 193/2025/QH15 và dự thảo nghị định về quỹ đầu tư mạo hiểm đã có cơ chế chấp nhận rủi ro và đánh giá hiệu quả theo danh mục đầu tư; ý kiến của doanh nghiệp đã được gửi tới tổ soạn thảo.',
      'Cảm ơn doanh nghiệp. Bộ Tài chính đang phối hợp với Ngân hàng Nhà nước nghiên cứu cơ chế bảo lãnh tín dụng cho doanh nghiệp khởi nghiệp sáng tạo dựa trên tài sản trí tuệ.',
    ],
  },
  {
    key: 'research-paperwork',
    field: 'research_innovation',
    types: ['feedback', 'recommendation'],
    organization: 'BKHCN',
    submitters: ['scientist'],
    titles: [
      'Thủ tục thanh quyết toán đề tài khoa học còn nặng về hóa đơn, chứng từ',
      'Thời gian xét duyệt đề tài cấp bộ kéo dài gần một năm',
      'Đề nghị giảm hồ sơ báo cáo định kỳ của đề tài nghiên cứu',
    ],
    problems: [
      'Chủ nhiệm đề tài mất gần một nửa thời gian cho việc thu thập hóa đơn, bảng chấm công và biên bản, thay vì làm nghiên cứu.',
      'Từ khi nộp thuyết minh đến khi ký hợp đồng mất gần một năm, đến lúc được cấp kinh phí thì vấn đề nghiên cứu đã không còn thời sự.',
      'Mỗi quý phải nộp báo cáo tiến độ theo mẫu dài mười mấy trang, nội dung lặp lại, không ai đọc.',
    ],
    proposals: [
      'Đề nghị áp dụng khoán chi đến sản phẩm cuối cùng, đánh giá bằng kết quả nghiên cứu thay vì chứng từ.',
      'Kiến nghị công bố thời hạn xét duyệt tối đa cho từng bước và cho theo dõi tình trạng hồ sơ trực tuyến.',
      'Nên thay báo cáo quý bằng báo cáo ngắn theo mốc sản phẩm trên hệ thống quản lý nhiệm vụ khoa học.',
    ],
    answers: [
      'Bộ Khoa học và Công nghệ cảm ơn nhà khoa học. Từ năm 2025, nhiệm vụ khoa học và công nghệ sử dụng ngân sách được áp dụng khoán chi đến sản phẩm cuối cùng, không yêu cầu hóa đơn, chứng từ cho từng khoản chi; biểu mẫu báo cáo định kỳ đã được rút gọn và chuyển lên hệ thống trực tuyến.',
      'Kiến nghị về thời hạn xét duyệt đã được ghi nhận. Bộ đang sửa đổi quy trình tuyển chọn, giao trực tiếp nhiệm vụ theo hướng rút ngắn tổng thời gian xuống dưới 90 ngày.',
    ],
  },
  {
    key: 'personal-data',
    field: 'security',
    types: ['feedback', 'recommendation'],
    organization: 'BCA',
    submitters: ['citizen', 'business'],
    titles: [
      'Thông tin cá nhân bị lộ, liên tục nhận cuộc gọi lừa đảo',
      'Ứng dụng yêu cầu quyền truy cập danh bạ không cần thiết',
      'Đề nghị xử lý nghiêm việc mua bán dữ liệu cá nhân',
    ],
    problems: [
      'Sau khi làm hồ sơ vay tiêu dùng, tôi liên tục nhận cuộc gọi từ các số lạ biết rõ họ tên, số căn cước và địa chỉ của tôi.',
      'Nhiều ứng dụng bắt buộc cho phép truy cập danh bạ và vị trí mới dùng được, dù chức năng chính không cần đến.',
      'Trên mạng xã hội vẫn công khai rao bán danh sách khách hàng kèm số điện thoại theo từng tỉnh.',
    ],
    proposals: [
      'Đề nghị cơ quan chức năng kiểm tra và xử phạt nghiêm các tổ chức để lộ dữ liệu khách hàng theo Luật Bảo vệ dữ liệu cá nhân.',
      'Kiến nghị có kênh tố giác nhanh việc mua bán dữ liệu cá nhân, có phản hồi kết quả cho người tố giác.',
    ],
    answers: [
      'Bộ Công an cảm ơn ông/bà. Phản ánh đã được chuyển tới Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao để xác minh. Luật Bảo vệ dữ liệu cá nhân năm 2025 có hiệu lực từ ngày 01/01/2026 quy định mức phạt đến 5% doanh thu đối với hành vi mua bán dữ liệu cá nhân; ông/bà có thể tố giác qua ứng dụng VNeID, mục Tố giác tội phạm.',
    ],
  },
  {
    key: 'commune-digital',
    field: 'public_services',
    types: ['feedback', 'recommendation', 'solution'],
    organization: '01',
    submitters: ['citizen', 'organization'],
    titles: [
      'Phần mềm một cửa của phường mới chưa thông với phần mềm cũ',
      'Đề nghị trang bị thêm máy tính cho bộ phận một cửa cấp xã',
      'Người dân không biết nộp hồ sơ ở đâu sau khi sáp nhập xã',
    ],
    problems: [
      'Sau sắp xếp đơn vị hành chính, hồ sơ đã nộp ở phường cũ không tra cứu được trên phần mềm của phường mới, người dân phải nộp lại từ đầu.',
      'Bộ phận một cửa của phường chỉ có ba máy tính cho sáu cán bộ, giờ cao điểm người dân phải chờ rất lâu.',
      'Bảng hướng dẫn ở trụ sở cũ đã gỡ nhưng chưa có thông báo địa điểm mới, người cao tuổi đi lại nhiều lần.',
    ],
    proposals: [
      'Đề nghị thành phố chuyển toàn bộ dữ liệu hồ sơ của các phường cũ sang hệ thống mới và thông báo cho người dân.',
      'Kiến nghị bố trí thêm máy tính và cán bộ hỗ trợ dịch vụ công trực tuyến tại các điểm tiếp nhận đông dân.',
      'Giải pháp: đặt mã QR tại trụ sở cũ dẫn tới bản đồ và số điện thoại của điểm tiếp nhận mới.',
    ],
    answers: [
      'Ủy ban nhân dân thành phố đã chỉ đạo Sở Khoa học và Công nghệ hoàn thành chuyển đổi dữ liệu hồ sơ của các đơn vị hành chính cũ sang hệ thống thông tin giải quyết thủ tục hành chính mới; phường nơi ông/bà phản ánh được bổ sung bốn máy tính và một cán bộ hỗ trợ từ tháng này.',
      'Cảm ơn ông/bà. Thành phố đã niêm yết địa điểm tiếp nhận mới và mã QR hướng dẫn tại tất cả trụ sở cũ, đồng thời mở tổng đài hỗ trợ thủ tục hành chính hoạt động cả thứ Bảy.',
    ],
  },
  {
    key: 'patents',
    field: 'research_innovation',
    types: ['feedback', 'recommendation'],
    organization: 'BKHCN',
    submitters: ['scientist', 'business'],
    titles: [
      'Thời gian thẩm định đơn đăng ký sáng chế quá dài',
      'Đề nghị thẩm định nhanh sáng chế trong lĩnh vực công nghệ chiến lược',
      'Chi phí duy trì hiệu lực bằng sáng chế cao với viện nghiên cứu công lập',
    ],
    problems: [
      'Đơn đăng ký sáng chế của chúng tôi nộp từ năm 2021 đến nay vẫn chưa có kết quả thẩm định nội dung.',
      'Doanh nghiệp muốn gọi vốn nhưng nhà đầu tư đòi có văn bằng bảo hộ, trong khi thời gian chờ kéo dài nhiều năm.',
      'Viện nghiên cứu có nhiều bằng sáng chế nhưng kinh phí duy trì hằng năm phải lấy từ nguồn chi thường xuyên vốn đã rất hạn hẹp.',
    ],
    proposals: [
      'Đề nghị có thủ tục thẩm định nhanh cho sáng chế thuộc danh mục công nghệ chiến lược.',
      'Kiến nghị cho phép dùng kinh phí của nhiệm vụ khoa học để duy trì hiệu lực văn bằng trong năm năm đầu.',
    ],
    answers: [
      'Bộ Khoa học và Công nghệ ghi nhận. Luật Sở hữu trí tuệ sửa đổi năm 2025 đã rút ngắn thời hạn thẩm định nội dung và có thủ tục thẩm định nhanh cho sáng chế thuộc lĩnh vực công nghệ chiến lược; Cục Sở hữu trí tuệ sẽ liên hệ để hướng dẫn doanh nghiệp nộp yêu cầu.',
    ],
  },
  {
    key: 'cloud-data-centres',
    field: 'digital_infrastructure',
    types: ['recommendation', 'solution'],
    organization: 'BKHCN',
    submitters: ['business', 'organization'],
    titles: [
      'Quy định lưu trữ dữ liệu trong nước chưa rõ với dịch vụ điện toán đám mây',
      'Đề nghị tiêu chí chung cho cơ quan nhà nước thuê dịch vụ đám mây',
      'Thủ tục đầu tư trung tâm dữ liệu còn nhiều bước',
    ],
    problems: [
      'Mỗi bộ, ngành đặt ra yêu cầu riêng khi thuê dịch vụ đám mây, doanh nghiệp cung cấp phải chuẩn bị nhiều bộ hồ sơ đánh giá khác nhau cho cùng một hạ tầng.',
      'Không rõ loại dữ liệu nào bắt buộc lưu trữ tại Việt Nam, nhiều khách hàng ngại dùng dịch vụ vì sợ vi phạm.',
      'Dự án trung tâm dữ liệu phải xin nhiều giấy phép về đất, điện, xây dựng và an toàn thông tin ở các cơ quan khác nhau.',
    ],
    proposals: [
      'Đề nghị ban hành bộ tiêu chí thống nhất để cơ quan nhà nước thuê dịch vụ đám mây, đánh giá một lần dùng cho mọi cơ quan.',
      'Kiến nghị xếp trung tâm dữ liệu vào danh mục dự án được hưởng thủ tục đầu tư đặc biệt.',
    ],
    answers: [
      'Bộ Khoa học và Công nghệ cảm ơn doanh nghiệp. Bộ tiêu chí kỹ thuật đánh giá nền tảng điện toán đám mây phục vụ chính phủ số đã được ban hành và áp dụng thống nhất; kết quả đánh giá được các cơ quan công nhận lẫn nhau. Đề xuất về thủ tục đầu tư trung tâm dữ liệu đã được tổng hợp báo cáo Chính phủ.',
    ],
  },
  {
    key: 'land-dispute',
    field: 'other',
    types: ['feedback'],
    organization: 'VPCP',
    submitters: ['citizen'],
    titles: ['Tranh chấp ranh giới đất với hộ bên cạnh', 'Khiếu nại về việc bồi thường giải phóng mặt bằng'],
    problems: [
      'Nhà bên cạnh xây tường lấn sang đất nhà tôi khoảng nửa mét, tôi đã báo thôn nhưng chưa được giải quyết.',
      'Gia đình tôi không đồng ý với mức bồi thường khi thu hồi đất làm đường, đã gửi đơn lên xã hai lần.',
    ],
    proposals: ['Đề nghị cơ quan chức năng xuống kiểm tra và giải quyết dứt điểm.'],
    answers: [],
    rejection:
      'Nội dung là tranh chấp, khiếu nại về đất đai của cá nhân, không thuộc phạm vi tiếp nhận của Ban Chỉ đạo. Đề nghị ông/bà gửi đơn đến Ủy ban nhân dân cấp xã nơi có đất để được hòa giải và giải quyết theo Luật Đất đai.',
  },
  {
    key: 'off-topic',
    field: 'other',
    types: ['feedback', 'recommendation'],
    organization: 'VPCP',
    submitters: ['citizen', 'business'],
    titles: ['Xin việc làm tại cơ quan nhà nước', 'Giới thiệu sản phẩm phần mềm quản lý', 'Hỏi về kết quả thi'],
    problems: [
      'Tôi tốt nghiệp ngành công nghệ thông tin đã hai năm, muốn xin vào làm việc tại Ban Chỉ đạo.',
      'Công ty chúng tôi có phần mềm quản lý văn bản giá rẻ, mong được giới thiệu tới các sở, ngành.',
      'Con tôi thi tuyển vào lớp 10 năm nay, tôi muốn hỏi bao giờ có điểm phúc khảo.',
    ],
    proposals: ['Mong được xem xét.', 'Xin cảm ơn.'],
    answers: [],
    rejection:
      'Nội dung không phải phản ánh, kiến nghị về cơ chế, chính sách, thủ tục trong lĩnh vực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số nên không thuộc phạm vi tiếp nhận của Ban Chỉ đạo.',
  },
];

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng'];
const MORE_SURNAMES = ['Đỗ', 'Ngô', 'Hồ', 'Dương', 'Đinh', 'Lý', 'Mai', 'Tạ', 'Hà', 'Lương', 'Chu', 'Quách'];
const MIDDLE_NAMES = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh', 'Hữu', 'Bảo', 'Kim', 'Xuân'];
const GIVEN_NAMES = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hải',
  'Hằng',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phong',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
  'Yến',
];
const OCCUPATIONS = [
  'giáo viên',
  'kỹ sư',
  'nông dân',
  'chủ hộ kinh doanh',
  'sinh viên',
  'cán bộ hưu trí',
  'bác sĩ',
  'nhân viên văn phòng',
  'tài xế công nghệ',
  'kế toán',
];
const TITLES_OF_SCIENTISTS = ['TS.', 'PGS.TS.', 'GS.TS.', 'ThS.', 'TS.'];
const INSTITUTIONS = [
  'Đại học Quốc gia Hà Nội',
  'Đại học Bách khoa Hà Nội',
  'Đại học Quốc gia Thành phố Hồ Chí Minh',
  'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
  'Trường Đại học Cần Thơ',
  'Đại học Đà Nẵng',
  'Trường Đại học Y Dược Huế',
  'Học viện Công nghệ Bưu chính Viễn thông',
];
const COMPANY_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH Công nghệ', 'Công ty Cổ phần Giải pháp'];
const COMPANY_NAMES = [
  'Sao Việt',
  'An Phát',
  'Tín Nghĩa Số',
  'Mekong Tech',
  'Hồng Hà',
  'FinViet',
  'Trí Tuệ Xanh',
  'Bình Minh Data',
  'Đông Á Soft',
  'Phương Nam',
  'Cửu Long AI',
  'Thăng Long IoT',
];
const SECTORS = [
  'phần mềm',
  'thương mại điện tử',
  'công nghệ tài chính',
  'thiết bị IoT',
  'dữ liệu và trí tuệ nhân tạo',
];
/** National associations, and local ones named after their province or city. */
const ASSOCIATIONS: ReadonlyArray<(place: string) => string> = [
  () => 'Hiệp hội Phần mềm và Dịch vụ công nghệ thông tin Việt Nam',
  () => 'Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam',
  () => 'Câu lạc bộ các nhà đầu tư khởi nghiệp',
  (place) => `Liên hiệp các Hội Khoa học và Kỹ thuật ${place}`,
  (place) => `Hội Tin học ${place}`,
  (place) => `Hội Doanh nhân trẻ ${place}`,
];

export interface Submitter {
  kind: SubmitterKind;
  name: string;
  /** How the text introduces the writer. */
  introduction: string;
  phone?: string;
  email?: string;
}

/** An e-mail's local part from a Vietnamese name: lower case, no diacritics, as people make them. */
const asciiOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Mobile prefixes in use since 2018 (Viettel 03x/09x, Vinaphone 08x/09x, MobiFone 07x/09x). */
const MOBILE_PREFIXES = ['032', '035', '038', '077', '079', '083', '086', '088', '090', '091', '094', '097', '098'];

function mobile(random: Random): string {
  return `${random.pick(MOBILE_PREFIXES)}${String(random.int(10_000_000)).padStart(7, '0')}`;
}

/** A person or body that writes, with the details people give; `place` is a province name. */
export function drawSubmitter(random: Random, kind: SubmitterKind, place: string): Submitter {
  const surname = random.chance(0.7) ? random.pick(SURNAMES) : random.pick(MORE_SURNAMES);
  const given = random.pick(GIVEN_NAMES);
  const person = `${surname} ${random.pick(MIDDLE_NAMES)} ${given}`;
  switch (kind) {
    case 'citizen':
      return {
        kind,
        name: person,
        introduction: `Tôi là ${random.pick(OCCUPATIONS)} ở ${place}${random.pick(['.', ', xin phản ánh như sau.', ', xin trình bày sự việc.'])}`,
        phone: mobile(random),
        ...(random.chance(0.3) ? { email: `${asciiOf(given)}${asciiOf(surname)}${random.int(1000)}@gmail.com` } : {}),
      };
    case 'scientist': {
      const institution = random.pick(INSTITUTIONS);
      return {
        kind,
        name: `${random.pick(TITLES_OF_SCIENTISTS)} ${person}`,
        introduction: `Tôi là giảng viên, nghiên cứu viên tại ${institution}.`,
        email: `${asciiOf(given)}.${asciiOf(surname)}@${random.pick(['vnu.edu.vn', 'hust.edu.vn', 'vast.vn', 'ctu.edu.vn'])}`,
        ...(random.chance(0.5) ? { phone: mobile(random) } : {}),
      };
    }
    case 'business': {
      const company = `${random.pick(COMPANY_FORMS)} ${random.pick(COMPANY_NAMES)}`;
      return {
        kind,
        name: `${company} (người liên hệ: ${person})`,
        introduction: `${company} hoạt động trong lĩnh vực ${random.pick(SECTORS)} tại ${place}.`,
        email: `${asciiOf(given)}@${asciiOf(company.split(' ').slice(-2).join(''))}.com.vn`,
        phone: mobile(random),
      };
    }
    case 'organization': {
      const association = random.pick(ASSOCIATIONS)(place);
      return {
        kind,
        name: association,
        introduction: `${association} tổng hợp ý kiến của hội viên, xin gửi Ban Chỉ đạo.`,
        email: `vanphong.${asciiOf(association.split(' ').slice(0, 2).join(''))}${random.int(100)}@gmail.com`,
        phone: `02${random.int(10)}${String(random.int(100_000_000)).padStart(8, '0')}`,
      };
    }
  }
}

const LEAD_INS: Record<FeedbackType, readonly string[]> = {
  feedback: ['', 'Tôi xin phản ánh:', 'Kính gửi Ban Chỉ đạo,'],
  recommendation: ['Kính gửi Ban Chỉ đạo,', 'Xin gửi kiến nghị như sau.', ''],
  solution: ['Chúng tôi xin đề xuất một giải pháp.', 'Kính gửi Ban Chỉ đạo,'],
  initiative: ['Xin gửi Ban Chỉ đạo một sáng kiến.', 'Kính gửi Ban Chỉ đạo,'],
};
const PROPOSAL_INS: Record<FeedbackType, readonly string[]> = {
  feedback: ['', 'Mong được xem xét.', 'Tôi mong'],
  recommendation: ['Kiến nghị:', '', 'Chúng tôi kiến nghị:'],
  solution: ['Giải pháp đề xuất:', 'Cụ thể:'],
  initiative: ['Nội dung sáng kiến:', 'Cách làm:'],
};
const CLOSINGS = ['', '', 'Trân trọng cảm ơn.', 'Mong sớm nhận được phản hồi.', 'Xin chân thành cảm ơn Ban Chỉ đạo.'];
const SINCE = [
  'Tình trạng này kéo dài từ tháng trước.',
  'Việc này xảy ra từ đầu năm nay.',
  'Tình trạng này đã kéo dài hơn ba tháng.',
  'Từ sau Tết đến giờ vẫn vậy.',
  'Chuyện này nhiều năm nay chưa được giải quyết.',
];

/** The writer's own circumstances: places and figures make each text theirs. */
const DETAILS: ReadonlyArray<(random: Random, place: string) => string> = [
  (random, place) =>
    `Tôi đã hỏi ${random.pick(['đường dây nóng', 'bộ phận một cửa', 'tổng đài hỗ trợ'])} của ${place} ${2 + random.int(5)} lần nhưng chưa có câu trả lời.`,
  (random) => `Chỉ riêng quý vừa rồi, đơn vị mất khoảng ${5 + random.int(40)} ngày công cho việc này.`,
  (random, place) =>
    `Theo tôi biết ở ${place} còn ít nhất ${3 + random.int(60)} ${random.pick(['hộ gia đình', 'doanh nghiệp', 'trường học', 'đơn vị'])} gặp tình trạng tương tự.`,
  (random) => `Chi phí phát sinh ước khoảng ${2 + random.int(150)} triệu đồng mỗi năm.`,
  (random) =>
    `Lần gần nhất là ngày ${1 + random.int(28)}/${1 + random.int(12)}, ${random.pick(['buổi sáng', 'chiều thứ Sáu', 'cuối tuần'])}.`,
];

/**
 * The text as one person would write it: short and blunt, or long and formal. `n` counts the
 * topic's submissions so far: problems and proposals rotate, so that two texts rarely share both.
 */
export function composeContent(
  random: Random,
  topic: FeedbackTopic,
  type: FeedbackType,
  writer: Submitter,
  place: string,
  n: number,
): string {
  const problems = topic.problems;
  const long = random.chance(0.45);
  const parts: string[] = [];
  if (long) parts.push(random.pick(LEAD_INS[type]));
  if (long || random.chance(0.5)) parts.push(writer.introduction);
  parts.push(problems[n % problems.length] ?? '');
  if (long && problems.length > 2)
    parts.push(problems[(n + 1 + random.int(problems.length - 1)) % problems.length] ?? '');
  parts.push(random.pick(DETAILS)(random, place));
  if (random.chance(0.4)) parts.push(random.pick(SINCE));
  const proposalIn = random.pick(PROPOSAL_INS[type]);
  const proposal = topic.proposals[Math.floor(n / problems.length) % topic.proposals.length] ?? '';
  const leads = /^(Đề nghị|Kiến nghị|Giải pháp|Sáng kiến|Đề xuất)/.test(proposal);
  if (proposalIn === 'Tôi mong') parts.push(`Tôi mong ${proposal.charAt(0).toLowerCase()}${proposal.slice(1)}`);
  else parts.push(leads ? '' : proposalIn, proposal);
  if (long) parts.push(random.pick(CLOSINGS));
  return parts.filter(Boolean).join(long && random.chance(0.5) ? '\n\n' : ' ');
}

/**
 * The same words sent again as people do it: typed without diacritics on a phone, or in capitals.
 * Folded for the duplicate check, they are the original's: the handler sees them flagged.
 */
export function retyped(random: Random, text: string): string {
  const variant = random.int(3);
  if (variant === 0)
    return text
      .normalize('NFD')
      .replace(/\p{Mn}+/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
  return variant === 1 ? text.toUpperCase() : text.toLowerCase();
}

export const NOTES = [
  'Đã liên hệ người gửi qua điện thoại để làm rõ nội dung, người gửi bổ sung thông tin qua thư điện tử.',
  'Chuyển bộ phận chuyên môn nghiên cứu, dự kiến có dự thảo trả lời trong tuần tới.',
  'Nội dung liên quan đến nhiệm vụ đang theo dõi của Ban Chỉ đạo, đề nghị đối chiếu trước khi trả lời.',
  'Đã xin ý kiến Vụ Pháp chế về căn cứ pháp lý trước khi trả lời.',
  'Phản ánh tương tự đã nhận từ nhiều địa phương, đề nghị tổng hợp báo cáo lãnh đạo.',
];

export const UNCLEAR_REJECTION =
  'Nội dung chưa đủ thông tin để xem xét (không nêu thủ tục, cơ quan hay văn bản cụ thể). Ông/bà có thể gửi lại phản ánh với thông tin chi tiết hơn.';

export const reassignReason = (organizationName: string) =>
  `Nội dung thuộc chức năng quản lý nhà nước của ${organizationName}, chuyển để trả lời theo thẩm quyền.`;
