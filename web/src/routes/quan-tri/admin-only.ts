// The admin pages word the API's 403 for what it means here (the shared message talks about units).
export const ADMIN_ONLY = { 403: 'Trang này chỉ dành cho quản trị viên.' };
