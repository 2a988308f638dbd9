import type { Locale } from '../../../shared/i18n/index.ts';

/**
 * Wording that only Open311 documents carry (service descriptions, attribute help, notices). The
 * vocabulary itself — types, fields, submitter kinds, error messages — comes from the shared
 * catalogue; these few sentences stay beside the adapter that is their only reader.
 */
interface Open311Messages {
  serviceDescription: (type: string, field: string) => string;
  titleDescription: string;
  titleHelp: string;
  submitterKindDescription: string;
  submitterKindHelp: string;
  consentDescription: string;
  consentHelp: string;
  organizationDescription: string;
  organizationHelp: string;
  yes: string;
  no: string;
  receiptNotice: (code: string, dueOn: string, days: number) => string;
  answerNotice: (dueOn: string, days: number) => string;
  mergedNote: (code: string) => string;
  unknownService: (code: string) => string;
  unknownFormat: string;
  contact: string;
  keyService: string;
  invalidApiKey: string;
  fileUpload: string;
}

const vi: Open311Messages = {
  serviceDescription: (type, field) => `${type} về lĩnh vực ${field.toLowerCase()}`,
  titleDescription: 'Tiêu đề ngắn',
  titleHelp: 'Tối đa 200 ký tự; nếu bỏ trống, lấy từ đầu nội dung.',
  submitterKindDescription: 'Bạn gửi với tư cách',
  submitterKindHelp: 'Mặc định: người dân.',
  consentDescription: 'Đồng ý công khai nội dung và câu trả lời (không kèm tên và liên hệ)',
  consentHelp: 'Mặc định: không.',
  organizationDescription: 'Mã cơ quan, địa phương liên quan (nếu biết), ví dụ 01 cho Hà Nội',
  organizationHelp: 'Mã trong danh mục tổ chức của hệ thống.',
  yes: 'Có',
  no: 'Không',
  receiptNotice: (code, dueOn, days) =>
    `Đã tiếp nhận. Tra cứu bằng mã ${code}. Hạn trả lời: ${dueOn} (${days} ngày làm việc).`,
  answerNotice: (dueOn, days) => `Trả lời trong ${days} ngày làm việc kể từ khi tiếp nhận, hạn ${dueOn}.`,
  mergedNote: (code) => `Đã gộp vào ${code}; câu trả lời được đưa ở đó.`,
  unknownService: (code) => `Không có dịch vụ ${code}.`,
  unknownFormat: 'Định dạng phải là .json hoặc .xml.',
  contact: 'Ban Chỉ đạo — bộ phận tiếp nhận phản ánh, kiến nghị',
  keyService:
    'Không cần khóa API: người dân gửi không cần tài khoản. Nếu gửi api_key, đó phải là một mã truy cập API còn hiệu lực của hệ thống.',
  invalidApiKey: 'api_key không phải là mã truy cập API còn hiệu lực của hệ thống.',
  fileUpload: 'Không nhận tệp đính kèm qua Open311: hãy gửi đường dẫn trong media_url.',
};

const en: Open311Messages = {
  serviceDescription: (type, field) => `${type} on ${field.toLowerCase()}`,
  titleDescription: 'Short title',
  titleHelp: 'At most 200 characters; taken from the start of the description when left empty.',
  submitterKindDescription: 'You are writing as',
  submitterKindHelp: 'Default: citizen.',
  consentDescription: 'Consent to publish the submission and its answer (never your name or contact)',
  consentHelp: 'Default: no.',
  organizationDescription: 'Code of the agency or locality concerned (if known), e.g. 01 for Hanoi',
  organizationHelp: 'A code of the organization list of this server.',
  yes: 'Yes',
  no: 'No',
  receiptNotice: (code, dueOn, days) =>
    `Received. Follow it with code ${code}. Answer due by ${dueOn} (${days} working days).`,
  answerNotice: (dueOn, days) => `Answered within ${days} working days of receipt, by ${dueOn}.`,
  mergedNote: (code) => `Merged into ${code}, which carries the answer.`,
  unknownService: (code) => `No service ${code}.`,
  unknownFormat: 'The format must be .json or .xml.',
  contact: 'Steering committee — feedback intake',
  keyService:
    'No API key is needed: the public submits without an account. An api_key sent must be a valid API token of this server.',
  invalidApiKey: 'api_key is not a valid API token of this server.',
  fileUpload: 'Files are not received through Open311: send a link as media_url.',
};

const fr: Open311Messages = {
  serviceDescription: (type, field) => `${type} dans le domaine ${field.toLowerCase()}`,
  titleDescription: 'Titre court',
  titleHelp: 'Au plus 200 caractères ; tiré du début de la description s’il est laissé vide.',
  submitterKindDescription: 'Vous écrivez en tant que',
  submitterKindHelp: 'Par défaut : citoyen.',
  consentDescription: 'Accord pour publier la contribution et sa réponse (jamais votre nom ni vos coordonnées)',
  consentHelp: 'Par défaut : non.',
  organizationDescription: 'Code de l’organisme ou de la localité concernés (si connu), p. ex. 01 pour Hanoï',
  organizationHelp: 'Un code de la liste des organisations de ce serveur.',
  yes: 'Oui',
  no: 'Non',
  receiptNotice: (code, dueOn, days) =>
    `Reçu. Suivez-le avec le code ${code}. Réponse attendue au plus tard le ${dueOn} (${days} jours ouvrés).`,
  answerNotice: (dueOn, days) => `Réponse sous ${days} jours ouvrés après réception, au plus tard le ${dueOn}.`,
  mergedNote: (code) => `Fusionné avec ${code}, qui porte la réponse.`,
  unknownService: (code) => `Aucun service ${code}.`,
  unknownFormat: 'Le format doit être .json ou .xml.',
  contact: 'Comité de pilotage — réception des contributions',
  keyService:
    'Aucune clé d’API n’est nécessaire : le public écrit sans compte. Une api_key envoyée doit être un jeton d’API valide de ce serveur.',
  invalidApiKey: 'api_key n’est pas un jeton d’API valide de ce serveur.',
  fileUpload: 'Les fichiers ne sont pas reçus par Open311 : envoyez un lien dans media_url.',
};

export const OPEN311_MESSAGES: Record<Locale, Open311Messages> = { vi, en, fr };
