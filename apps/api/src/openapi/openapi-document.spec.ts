import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { z } from 'zod';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiDoc } from './api-doc.decorator';
import { openApiDocument } from './openapi-document';

const INFO = { title: 't', version: '1', description: 'd' };
const reflector = new Reflector();

@Controller('things')
class ThingsController {
  @Roles('manufacturer')
  @ApiDoc({ summary: 'Make a thing', returns: 'The thing', errors: ['CONFLICT'] })
  @Post(':kind/:id')
  make(
    @Param('id', { schema: z.string().regex(/^\d+$/) }) _id: string,
    @Param('kind', { schema: z.enum(['a', 'b']) }) _kind: string,
    @Body({ schema: z.strictObject({ name: z.string().min(1) }) }) _body: unknown,
  ): void {}

  @Public()
  @ApiDoc({ summary: 'List things', returns: 'Things', produces: ['text/csv'] })
  @Get()
  list(@Query({ schema: z.object({ limit: z.coerce.number().int().optional() }) }) _q: unknown) {}
}

@Controller('bare')
class UndocumentedController {
  @Get()
  bare(): void {}
}

describe('openApiDocument', () => {
  const document = openApiDocument([ThingsController], reflector, INFO) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };

  it('takes path parameters in path order, with the schemas that validate them', () => {
    const make = document.paths['/things/{kind}/{id}']!.post!;
    expect(make.parameters).toEqual([
      { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['a', 'b'] } },
      { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } },
    ]);
    expect(make.requestBody).toMatchObject({
      content: { 'application/json': { schema: { required: ['name'] } } },
    });
  });

  it('derives the errors from roles, inputs and path, and adds the declared ones', () => {
    const make = document.paths['/things/{kind}/{id}']!.post!;
    expect(Object.keys(make.responses as object)).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '500',
    ]);
    expect(make.security).toEqual([{ apiKey: [] }]);
    expect(make.description).toBe('Roles: manufacturer.');
  });

  it('marks a public route as needing no key and answering 429 past the rate limit', () => {
    const list = document.paths['/things']!.get!;
    expect(list.security).toEqual([]);
    expect(Object.keys(list.responses as object)).toEqual(['200', '400', '429', '500']);
    expect(list.parameters).toEqual([
      {
        name: 'limit',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ type: 'integer' }),
      },
    ]);
    expect((list.responses as Record<string, { content: object }>)['200']!.content).toEqual({
      'text/csv': { schema: {} },
    });
  });

  it('refuses a route without @ApiDoc, naming it', () => {
    expect(() => openApiDocument([UndocumentedController], reflector, INFO)).toThrow(
      'GET /bare has no @ApiDoc: say what it does and returns.',
    );
  });
});
